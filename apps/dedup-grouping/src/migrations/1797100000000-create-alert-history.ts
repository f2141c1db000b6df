import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every alert the correlator handled, recorded or correlated (ADR 0174): the envelope as received (the
 * mapping result and the sender's raw payload), deflated, kept 30 days. Listed by incident and by
 * disposition, newest first.
 */
export class CreateAlertHistory1797100000000 implements MigrationInterface {
  name = 'CreateAlertHistory1797100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE alert_history (
        position bigserial NOT NULL,
        alert_id text PRIMARY KEY,
        org_id text NOT NULL,
        incident_id text,
        disposition text NOT NULL,
        action text NOT NULL,
        stored_at timestamptz NOT NULL,
        envelope bytea NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX alert_history_by_incident ON alert_history (org_id, incident_id, position DESC)',
    );
    await runner.query(
      'CREATE INDEX alert_history_by_disposition ON alert_history (org_id, disposition, position DESC)',
    );
    await runner.query('CREATE INDEX alert_history_by_age ON alert_history (stored_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE alert_history');
  }
}
