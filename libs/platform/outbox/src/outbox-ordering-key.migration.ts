import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps each row's ordering key, so the relay may publish the messages of different keys together and
 * still send one key's messages one after another (ADR 0222). Rows written before have none: the relay
 * sends those one by one, as it always did.
 */
export class AddOutboxOrderingKey1798000000000 implements MigrationInterface {
  name = 'AddOutboxOrderingKey1798000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox ADD COLUMN ordering_key text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox DROP COLUMN ordering_key');
  }
}
