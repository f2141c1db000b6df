import { DataSource, QueryRunner } from 'typeorm';
import { Logger } from 'pino';
import { PollingLoop } from './polling-loop';

/** The part of the event publisher the relay needs; JetStream drops a repeated message id. */
export interface RawPublisher {
  publishRaw(
    subject: string,
    body: Uint8Array,
    messageId: string,
    headers: Record<string, string>,
  ): Promise<unknown>;
}

export interface OutboxRelayOptions {
  batchSize?: number;
  /** Idle wait between polls when the outbox is empty. */
  pollIntervalMs?: number;
  /** Called after each message is published and before it is marked sent: a seam for crash tests. */
  afterPublish?: (messageId: string) => void;
}

interface OutboxRow {
  id: string;
  message_id: string;
  subject: string;
  body: string;
  headers: Record<string, string>;
}

const encoder = new TextEncoder();

/**
 * Moves outbox rows to JetStream, at least once and in order per partition. A replica claims a partition
 * with FOR UPDATE SKIP LOCKED, publishes its oldest rows one by one (waiting for each stream ack), then
 * deletes them in the same transaction. A crash after publishing re-sends on restart; the message id
 * makes JetStream drop the copy.
 */
export class OutboxRelay {
  private readonly loop: PollingLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: RawPublisher,
    logger: Logger,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.loop = new PollingLoop(async () => (await this.relayPending()) > 0, logger, {
      name: 'Outbox relay',
      idleMs: options.pollIntervalMs ?? 50,
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Relays everything currently claimable; returns how many messages were published. */
  async relayPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.relayOnePartitionBatch();
      if (published === null) return total;
      total += published;
    }
  }

  /** Returns null when no partition with pending messages could be claimed. */
  private async relayOnePartitionBatch(): Promise<number | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const partition = await claimPartitionWithWork(runner);
      if (partition === null) {
        await runner.commitTransaction();
        return null;
      }
      const rows: OutboxRow[] = await runner.query(
        'SELECT id, message_id, subject, body, headers FROM outbox WHERE partition = $1 ORDER BY id LIMIT $2',
        [partition, this.options.batchSize ?? 200],
      );
      for (const row of rows) {
        await this.publisher.publishRaw(row.subject, encoder.encode(row.body), row.message_id, row.headers);
        this.options.afterPublish?.(row.message_id);
      }
      await runner.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
      await runner.commitTransaction();
      return rows.length;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}

async function claimPartitionWithWork(runner: QueryRunner): Promise<number | null> {
  const claimed: { partition: number }[] = await runner.query(
    `SELECT p.partition FROM outbox_partitions p
     WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.partition = p.partition)
     ORDER BY random()
     LIMIT 1
     FOR UPDATE OF p SKIP LOCKED`,
  );
  return claimed[0]?.partition ?? null;
}
