import { MigrationInterface, QueryRunner } from 'typeorm';

/** The open-alert index: which incident an open (integration, dedup key) belongs to. */
export class CreateOpenAlerts1764201800000 implements MigrationInterface {
  name = 'CreateOpenAlerts1764201800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE open_alerts (
        org_id text NOT NULL,
        integration_id uuid NOT NULL,
        dedup_key text NOT NULL,
        incident_id uuid NOT NULL,
        opened_by_alert_id uuid NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (org_id, integration_id, dedup_key)
      )`);
    await runner.query('CREATE INDEX open_alerts_by_incident ON open_alerts (incident_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE open_alerts');
  }
}
