import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting's own copy of the events it reads (report_facts, kept for as long as reports look back, unlike
 * the 30-day streams) and the read models projected from it.
 */
export class CreateReportingReadModels1797000000000 implements MigrationInterface {
  name = 'CreateReportingReadModels1797000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE report_facts (
        seq bigserial UNIQUE,
        event_id text PRIMARY KEY,
        org_id text NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        envelope jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE report_incidents (
        incident_id uuid PRIMARY KEY,
        org_id text NOT NULL,
        opened_at timestamptz,
        acknowledged_at timestamptz,
        resolved_at timestamptz,
        merged boolean NOT NULL DEFAULT false,
        severity text,
        severity_version integer NOT NULL DEFAULT 0,
        service_id text,
        source_id text,
        alert_count integer NOT NULL DEFAULT 0,
        max_level integer NOT NULL DEFAULT 1,
        unanswered boolean NOT NULL DEFAULT false,
        acknowledged_by text[] NOT NULL DEFAULT '{}',
        -- What the reports aggregate, computed once per write rather than per read: time to acknowledge and
        -- to resolve in seconds (null when not yet, or when merged away), and the UTC quarter hour opened.
        ack_seconds float8 GENERATED ALWAYS AS
          (CASE WHEN NOT merged THEN date_part('epoch', acknowledged_at - opened_at) END) STORED,
        resolve_seconds float8 GENERATED ALWAYS AS
          (CASE WHEN NOT merged THEN date_part('epoch', resolved_at - opened_at) END) STORED,
        opened_quarter integer GENERATED ALWAYS AS
          (floor(date_part('epoch', opened_at - '1970-01-01T00:00:00Z'::timestamptz) / 900)::integer) STORED
      )`);
    // Covering: a report over one organization's window is an index-only scan.
    await runner.query(`
      CREATE INDEX report_incidents_by_org_time ON report_incidents (org_id, opened_at)
        INCLUDE (opened_quarter, ack_seconds, resolve_seconds, severity, service_id, source_id, alert_count,
                 max_level, unanswered, acknowledged_by)`);
    await runner.query(`
      CREATE TABLE report_acknowledgements (
        incident_id uuid NOT NULL,
        user_id text NOT NULL,
        org_id text NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (incident_id, user_id)
      )`);
    await runner.query(
      'CREATE INDEX report_acknowledgements_by_user ON report_acknowledgements (org_id, user_id, at)',
    );
    await runner.query(`
      CREATE TABLE report_pages (
        page_id text PRIMARY KEY,
        org_id text NOT NULL,
        incident_id uuid NOT NULL,
        user_id text NOT NULL,
        at timestamptz NOT NULL,
        level integer
      )`);
    await runner.query('CREATE INDEX report_pages_by_user ON report_pages (org_id, user_id, at)');
    await runner.query(`
      CREATE TABLE report_schedules (
        schedule_id text PRIMARY KEY,
        org_id text NOT NULL,
        name text NOT NULL,
        team_id text,
        deleted_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE report_schedule_revisions (
        schedule_id text NOT NULL,
        version integer NOT NULL,
        org_id text NOT NULL,
        effective_from timestamptz NOT NULL,
        time_zone text NOT NULL,
        layers jsonb NOT NULL,
        PRIMARY KEY (schedule_id, version)
      )`);
    await runner.query(`
      CREATE TABLE report_overrides (
        override_id text PRIMARY KEY,
        org_id text NOT NULL,
        schedule_id text NOT NULL,
        user_id text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await runner.query('CREATE INDEX report_overrides_by_schedule ON report_overrides (schedule_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'report_overrides',
      'report_schedule_revisions',
      'report_schedules',
      'report_pages',
      'report_acknowledgements',
      'report_incidents',
      'report_facts',
    ])
      await runner.query(`DROP TABLE ${table}`);
  }
}
