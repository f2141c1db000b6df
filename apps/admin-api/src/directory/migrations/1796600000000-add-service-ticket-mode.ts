import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a service's incidents get a PSA ticket (ADR 0161); existing services keep the default. */
export class AddServiceTicketMode1796600000000 implements MigrationInterface {
  name = 'AddServiceTicketMode1796600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE services ADD COLUMN ticket_mode text NOT NULL DEFAULT 'on-acknowledge'
        CHECK (ticket_mode IN ('on-trigger', 'on-acknowledge', 'never'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE services DROP COLUMN ticket_mode');
  }
}
