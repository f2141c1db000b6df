import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts already correlated beyond a partition's watermark (they finish out of order), saved with it so that
 * the next holder skips them instead of applying them again (ADR 0134).
 */
export class AddCheckpointDoneAbove1797600000000 implements MigrationInterface {
  name = 'AddCheckpointDoneAbove1797600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE partition_checkpoints ADD COLUMN done_above bigint[] NOT NULL DEFAULT '{}'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE partition_checkpoints DROP COLUMN done_above');
  }
}
