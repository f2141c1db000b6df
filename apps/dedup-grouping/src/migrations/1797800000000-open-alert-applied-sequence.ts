import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per alert key, the last stream sequence whose step was applied, kept after the key is released (a
 * tombstone: no incident, the last one remembered) so that a replay after a crash skips what was applied
 * instead of applying it to a key that has moved on (ADR 0156).
 */
export class OpenAlertAppliedSequence1797800000000 implements MigrationInterface {
  name = 'OpenAlertAppliedSequence1797800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE open_alerts
        ALTER COLUMN incident_id DROP NOT NULL,
        ALTER COLUMN opened_by_alert_id DROP NOT NULL,
        ADD COLUMN applied_through bigint NOT NULL DEFAULT 0,
        ADD COLUMN last_incident_id uuid,
        ADD COLUMN released_at timestamptz`);
    await runner.query(
      'CREATE INDEX open_alerts_released ON open_alerts (released_at) WHERE incident_id IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX open_alerts_released');
    await runner.query('DELETE FROM open_alerts WHERE incident_id IS NULL');
    await runner.query(`
      ALTER TABLE open_alerts
        DROP COLUMN released_at,
        DROP COLUMN last_incident_id,
        DROP COLUMN applied_through,
        ALTER COLUMN opened_by_alert_id SET NOT NULL,
        ALTER COLUMN incident_id SET NOT NULL`);
  }
}
