import { MigrationInterface, QueryRunner } from 'typeorm';
import { AddOutboxOrderingKey1798000000000 } from './outbox-ordering-key.migration';

export const OUTBOX_PARTITIONS = 8;

/** Outbox rows are relayed to JetStream; partitions let several relay replicas work without reordering a stream. */
export class CreateOutbox1764201600000 implements MigrationInterface {
  name = 'CreateOutbox1764201600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        partition smallint NOT NULL,
        message_id text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX outbox_partition_order ON outbox (partition, id)');
    await runner.query('CREATE TABLE outbox_partitions (partition smallint PRIMARY KEY)');
    await runner.query(`INSERT INTO outbox_partitions SELECT generate_series(0, ${OUTBOX_PARTITIONS - 1})`);
    // Messages JetStream can never take (too large): kept, logged and out of the way of the rest.
    await runner.query(`
      CREATE TABLE outbox_dead (
        id bigint PRIMARY KEY,
        partition smallint NOT NULL,
        message_id text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        headers jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        error text NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE outbox_dead');
    await runner.query('DROP TABLE outbox_partitions');
    await runner.query('DROP TABLE outbox');
  }
}

/** The outbox's tables as they are now, in order: what a service lists among its migrations. */
export const OUTBOX_MIGRATIONS = [CreateOutbox1764201600000, AddOutboxOrderingKey1798000000000];
