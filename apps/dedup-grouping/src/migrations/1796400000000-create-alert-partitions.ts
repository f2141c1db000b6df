import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each alert partition has been correlated up to (the watermark), and which correlator replicas are
 * alive (to share the partitions fairly). Partitions themselves are claimed with advisory locks.
 */
export class CreateAlertPartitions1796400000000 implements MigrationInterface {
  name = 'CreateAlertPartitions1796400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partition_checkpoints (
        partition integer PRIMARY KEY,
        sequence bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE correlator_members (
        instance_id text PRIMARY KEY,
        seen_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE correlator_members');
    await runner.query('DROP TABLE partition_checkpoints');
  }
}
