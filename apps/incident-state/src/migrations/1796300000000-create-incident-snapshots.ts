import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Snapshots of incident aggregates, so a command reads a bounded amount whatever the incident's history:
 * the folded state at a version, then only the events after it. A cache, rebuildable from the events.
 */
export class CreateIncidentSnapshots1796300000000 implements MigrationInterface {
  name = 'CreateIncidentSnapshots1796300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE incident_snapshots (
        stream_id text PRIMARY KEY,
        version integer NOT NULL,
        state_version integer NOT NULL,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE incident_snapshots');
  }
}
