import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the source said of each alert entry beyond its summary (ADR 0176): device, origin, integration,
 * Defend's MITRE techniques and recommended action. From the events that brought the entry in; entries
 * projected before stay without (a rebuild fills them).
 */
export class AddIncidentAlertContext1797100000000 implements MigrationInterface {
  name = 'AddIncidentAlertContext1797100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE incident_alerts ADD COLUMN context jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE incident_alerts DROP COLUMN context');
  }
}
