import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models projected from the incident streams; `state` keeps the folded aggregate for the next event. */
export class CreateIncidentReadModels1764201900000 implements MigrationInterface {
  name = 'CreateIncidentReadModels1764201900000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE incidents (
        id uuid PRIMARY KEY,
        org_id text NOT NULL,
        service_id text NOT NULL,
        title text NOT NULL,
        status text NOT NULL,
        severity text NOT NULL,
        urgency text NOT NULL,
        priority text,
        alert_count integer NOT NULL,
        assigned_user_ids text[] NOT NULL DEFAULT '{}',
        escalation_level integer,
        acknowledged_by text,
        snoozed_until timestamptz,
        ticket jsonb,
        triggered_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        resolved_at timestamptz,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        state jsonb NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX incidents_by_org_time ON incidents (org_id, triggered_at DESC, id DESC)',
    );
    await runner.query(
      'CREATE INDEX incidents_by_org_status ON incidents (org_id, status, triggered_at DESC)',
    );
    await runner.query(`
      CREATE TABLE incident_timeline (
        incident_id uuid NOT NULL,
        version integer NOT NULL,
        org_id text NOT NULL,
        at timestamptz NOT NULL,
        type text NOT NULL,
        actor jsonb,
        detail jsonb NOT NULL,
        PRIMARY KEY (incident_id, version)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE incident_timeline');
    await runner.query('DROP TABLE incidents');
  }
}
