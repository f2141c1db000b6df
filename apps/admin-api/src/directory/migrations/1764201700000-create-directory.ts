import { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory: organizations (Hub organizations), users, services and their integrations. */
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
        id text PRIMARY KEY,
        org_id text NOT NULL REFERENCES organizations (id),
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('manager', 'technician', 'owner')),
        time_zone text NOT NULL DEFAULT 'UTC',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, email)
      )`);
    await runner.query(`
      CREATE TABLE services (
        id uuid PRIMARY KEY,
        org_id text NOT NULL REFERENCES organizations (id),
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        escalation_policy_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (org_id, name)
      )`);
    await runner.query(`
      CREATE TABLE integrations (
        id uuid PRIMARY KEY,
        org_id text NOT NULL REFERENCES organizations (id),
        service_id uuid NOT NULL REFERENCES services (id),
        type text NOT NULL,
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        key_hint text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await runner.query('CREATE INDEX integrations_by_service ON integrations (org_id, service_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE integrations');
    await runner.query('DROP TABLE services');
    await runner.query('DROP TABLE users');
    await runner.query('DROP TABLE organizations');
  }
}
