import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Schedules keep every revision of their definition (rule 9: revision 1 takes effect when the schedule is
 * created, and an edit adds a revision effective from the edit, so the past renders as it was); overrides
 * are absolute intervals; coverage gaps are the result of the last scan; a daily scan run holds a lease
 * its replica renews while scanning; calendar feeds hold the hash of each user's secret iCalendar token.
 */
export class CreateSchedules1764202000000 implements MigrationInterface {
  name = 'CreateSchedules1764202000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE schedules (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        team_id uuid,
        current_revision integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX schedules_live_name ON schedules (org_id, lower(name)) WHERE deleted_at IS NULL',
    );
    await runner.query('CREATE INDEX schedules_by_org ON schedules (org_id, created_at, id)');
    await runner.query(`
      CREATE TABLE schedule_revisions (
        schedule_id uuid NOT NULL REFERENCES schedules (id),
        org_id text NOT NULL,
        revision integer NOT NULL,
        -- Never before the previous revision's (the writer takes GREATEST of the clock and it).
        effective_from timestamptz NOT NULL,
        time_zone text NOT NULL,
        layers jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (schedule_id, revision)
      )`);
    await runner.query(`
      CREATE TABLE overrides (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        schedule_id uuid NOT NULL REFERENCES schedules (id),
        user_id text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        reason text NOT NULL DEFAULT '',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at)
      )`);
    await runner.query('CREATE INDEX overrides_by_schedule ON overrides (schedule_id, ends_at)');
    await runner.query('CREATE INDEX overrides_by_user ON overrides (org_id, user_id, ends_at)');
    await runner.query(`
      CREATE TABLE coverage_gaps (
        schedule_id uuid NOT NULL REFERENCES schedules (id),
        org_id text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        detected_at timestamptz NOT NULL,
        -- Null until the gap was published; a crash before publishing is caught up by the next scan.
        announced_at timestamptz,
        PRIMARY KEY (schedule_id, starts_at)
      )`);
    await runner.query(`
      CREATE TABLE gap_scan_runs (
        day date PRIMARY KEY,
        started_at timestamptz NOT NULL,
        -- The replica scanning renews this; a run without a recent heartbeat may be taken over.
        heartbeat_at timestamptz NOT NULL,
        owner uuid NOT NULL,
        finished_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE calendar_feeds (
        org_id text NOT NULL,
        user_id text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (org_id, user_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'calendar_feeds',
      'gap_scan_runs',
      'coverage_gaps',
      'overrides',
      'schedule_revisions',
      'schedules',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
