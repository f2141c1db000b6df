import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open alert groups (ADR 0175): per service and group key, the incident alerts join until the window
 * closes. The primary key makes two replicas agree on which incident a group opened.
 */
export class CreateOpenGroups1797100000001 implements MigrationInterface {
  name = 'CreateOpenGroups1797100000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE open_groups (
        org_id text NOT NULL,
        service_id text NOT NULL,
        group_key text NOT NULL,
        incident_id text NOT NULL,
        opened_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        PRIMARY KEY (org_id, service_id, group_key)
      )`);
    await runner.query('CREATE INDEX open_groups_by_incident ON open_groups (org_id, incident_id)');
    await runner.query(`
      ALTER TABLE alert_history ADD COLUMN correlation jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE alert_history DROP COLUMN correlation');
    await runner.query('DROP TABLE open_groups');
  }
}
