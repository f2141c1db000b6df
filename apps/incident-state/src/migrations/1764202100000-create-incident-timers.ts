import { MigrationInterface, QueryRunner } from 'typeorm';

/** Timers derived from incident state (a snooze that ends), projected like the other read models. */
export class CreateIncidentTimers1764202100000 implements MigrationInterface {
  name = 'CreateIncidentTimers1764202100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE incident_timers (
        incident_id uuid NOT NULL,
        kind text NOT NULL,
        org_id text NOT NULL,
        due_at timestamptz NOT NULL,
        PRIMARY KEY (incident_id, kind)
      )`);
    await runner.query('CREATE INDEX incident_timers_due ON incident_timers (due_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE incident_timers');
  }
}
