import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * psa-sync's own tables (ADR 0162):
 * - `connection`: whether a PSA is configured, and since when (events older than that open no ticket).
 * - `psa_settings`: each organization's mapping of incidents to tickets.
 * - `incidents`: what psa-sync knows of each incident to describe it (from its events).
 * - `ticket_links`: one row per incident, reserved before the PSA is called: the lane's state, its lease
 *   (database clock: who is calling the PSA for it now) and when it is next due (platform clock).
 * - `ticket_operations`: notes, the resolution note and closing, in the order they happened.
 */
export class CreatePsaSync1796600000001 implements MigrationInterface {
  name = 'CreatePsaSync1796600000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE connection (
        id text PRIMARY KEY,
        configured boolean NOT NULL,
        provider text,
        enabled_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE psa_settings (
        org_id text PRIMARY KEY,
        settings jsonb NOT NULL,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE incidents (
        org_id text NOT NULL,
        incident_id text NOT NULL,
        service_id text NOT NULL,
        title text NOT NULL,
        severity text NOT NULL,
        alert jsonb,
        triggered_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by text,
        PRIMARY KEY (org_id, incident_id)
      )`);
    await runner.query(`
      CREATE TABLE ticket_links (
        org_id text NOT NULL,
        incident_id text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'created', 'failed')),
        requested_by text NOT NULL,
        requested_by_user text,
        requested_at timestamptz NOT NULL,
        generation integer NOT NULL DEFAULT 1,
        attempts integer NOT NULL DEFAULT 0,
        provider text,
        ticket_id text,
        url text,
        failure jsonb,
        next_attempt_at timestamptz,
        work_version bigint NOT NULL DEFAULT 0,
        lease_owner text,
        lease_until timestamptz,
        PRIMARY KEY (org_id, incident_id),
        CHECK ((state = 'created') = (ticket_id IS NOT NULL))
      )`);
    await runner.query(
      'CREATE INDEX ticket_links_due ON ticket_links (next_attempt_at) WHERE next_attempt_at IS NOT NULL',
    );
    await runner.query(`
      CREATE TABLE ticket_operations (
        id bigserial PRIMARY KEY,
        org_id text NOT NULL,
        incident_id text NOT NULL,
        source_id text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('note', 'resolution-note', 'close')),
        payload jsonb NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        failure jsonb,
        done_at timestamptz
      )`);
    await runner.query(
      `CREATE INDEX ticket_operations_pending ON ticket_operations (org_id, incident_id, id) WHERE state = 'pending'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ticket_operations, ticket_links, incidents, psa_settings, connection');
  }
}
