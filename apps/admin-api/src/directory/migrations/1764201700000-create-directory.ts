import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory: organizations (Hub organizations), users, teams, clients (the MSP's customers), services,
 * integrations, and the audit log of every configuration change.
 *
 * Tenancy is also enforced by the schema, behind the API's checks: every parent table is unique on
 * (org_id, id) and every reference to a user, team, client or service is a foreign key on (org_id, x_id),
 * so a row can never name another organization's row, whatever a bug in the code lets through.
 */
export class CreateDirectory1764201700000 implements MigrationInterface {
  name = 'CreateDirectory1764201700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE organizations (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        org_id text NOT NULL REFERENCES organizations (id),
        hub_user_id text,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('manager', 'technician', 'owner')),
        time_zone text NOT NULL DEFAULT 'UTC',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, hub_user_id),
        UNIQUE (org_id, id)
      )`);
    // Hub and people type e-mail addresses in any case; sign-in links by lower(email) too.
    await runner.query('CREATE UNIQUE INDEX users_email_per_org ON users (org_id, lower(email))');
    await runner.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY,
        org_id text NOT NULL REFERENCES organizations (id),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        manager_user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, name),
        UNIQUE (org_id, id),
        FOREIGN KEY (org_id, manager_user_id) REFERENCES users (org_id, id)
      )`);
    await runner.query(`
      CREATE TABLE team_members (
        team_id uuid NOT NULL,
        user_id uuid NOT NULL,
        org_id text NOT NULL,
        PRIMARY KEY (team_id, user_id),
        FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id) ON DELETE CASCADE,
        FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id)
      )`);
    await runner.query(`
      CREATE TABLE clients (
        id uuid PRIMARY KEY,
        org_id text NOT NULL REFERENCES organizations (id),
        name text NOT NULL,
        rmm_external_id text,
        psa_external_id text,
        time_zone text NOT NULL DEFAULT 'UTC',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, name),
        UNIQUE (org_id, id)
      )`);
    await runner.query(`
      CREATE TABLE services (
        id uuid PRIMARY KEY,
        org_id text NOT NULL REFERENCES organizations (id),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        client_id uuid,
        team_id uuid,
        escalation_policy_id uuid,
        urgency_rule jsonb NOT NULL DEFAULT '{"kind": "constant", "urgency": "high"}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, name),
        UNIQUE (org_id, id),
        FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
        FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id)
      )`);
    await runner.query(`
      CREATE TABLE integrations (
        id uuid PRIMARY KEY,
        org_id text NOT NULL REFERENCES organizations (id),
        service_id uuid NOT NULL,
        type text NOT NULL,
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        key_hint text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        FOREIGN KEY (org_id, service_id) REFERENCES services (org_id, id)
      )`);
    await runner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        org_id text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor jsonb NOT NULL,
        action text NOT NULL,
        resource_type text NOT NULL,
        resource_id text NOT NULL,
        before jsonb,
        after jsonb,
        correlation_id text,
        -- Set for changes reported by other services' events: a redelivered event is recorded once.
        event_id uuid UNIQUE
      )`);
    for (const table of ['users', 'teams', 'clients', 'services', 'integrations']) {
      await runner.query(`CREATE INDEX ${table}_by_org_page ON ${table} (org_id, created_at, id)`);
    }
    await runner.query('CREATE INDEX audit_log_by_org ON audit_log (org_id, id DESC)');
    await runner.query(
      'CREATE INDEX audit_log_by_resource ON audit_log (org_id, resource_type, resource_id, id DESC)',
    );
    // A revoked integration keeps its name in history; only live ones must be told apart.
    await runner.query(
      'CREATE UNIQUE INDEX integrations_live_name ON integrations (service_id, name) WHERE revoked_at IS NULL',
    );
    await runner.query(
      'CREATE INDEX integrations_by_service ON integrations (org_id, service_id, created_at, id)',
    );
    await runner.query('CREATE INDEX services_by_team ON services (org_id, team_id)');
    await runner.query('CREATE INDEX services_by_client ON services (org_id, client_id)');
    await runner.query('CREATE INDEX team_members_by_user ON team_members (org_id, user_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'audit_log',
      'integrations',
      'services',
      'clients',
      'team_members',
      'teams',
      'users',
      'organizations',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
