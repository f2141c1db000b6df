import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A service's acknowledgement timeout and auto-resolve time, in seconds (ADR 0143); null = off, which is
 * what every existing service keeps.
 */
export class AddServiceTimeouts1797500000000 implements MigrationInterface {
  name = 'AddServiceTimeouts1797500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE services
        ADD COLUMN ack_timeout_seconds integer CHECK (ack_timeout_seconds BETWEEN 60 AND 86400),
        ADD COLUMN auto_resolve_seconds integer CHECK (auto_resolve_seconds BETWEEN 60 AND 2592000)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE services DROP COLUMN ack_timeout_seconds, DROP COLUMN auto_resolve_seconds',
    );
  }
}
