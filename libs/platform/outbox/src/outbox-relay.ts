import { Logger } from 'pino';
import { DataSource, QueryRunner } from 'typeorm';
import { drainBatches, PolledWorker } from '@oncall/platform-polling';
import { isPermanentPublishError, whyUnpublishable } from './publishability';
import { publishingWaves } from './publishing-waves';

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
  /** Called for each message moved to outbox_dead (after it was logged): counted in a metric. */
  onSetAside?: (message: { messageId: string; subject: string; reason: string }) => void;
}

/** As stored: jsonb headers are whatever a writer put there, checked before publishing. */
interface OutboxRow {
  id: string;
  message_id: string;
  subject: string;
  body: string;
  headers: unknown;
  /** Null for rows written before the outbox kept it. */
  ordering_key: string | null;
}

const encoder = new TextEncoder();
/** First key of the two-key advisory locks that claim outbox partitions. */
const OUTBOX_LOCK_CLASS = 741_204;

/**
 * Moves outbox rows to JetStream, at least once and in order per ordering key. A replica claims a partition
 * with a session advisory lock (no transaction stays open across the network), publishes its oldest rows
 * in waves (ADR 0222): a wave holds the next message of each ordering key, sent together over the one
 * connection and acknowledged together, so a key's messages still go one after another while different
 * keys share the round trips; then it deletes them. A crash after publishing re-sends on restart;
 * the message id makes JetStream drop the copy. A message the bus can never take (malformed subject or
 * headers, too large: checked before sending, and any permanent refusal) is set aside in outbox_dead,
 * logged and counted, instead of blocking its partition (ADR 0082).
 */
export class OutboxRelay extends PolledWorker {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: RawPublisher,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions = {},
  ) {
    super(logger, { name: 'Outbox relay', idleMs: options.pollIntervalMs ?? 50 });
  }

  protected async pass(): Promise<boolean> {
    return (await this.relayPending()) > 0;
  }

  /** Relays everything currently claimable; returns how many messages were published. */
  relayPending(): Promise<number> {
    return drainBatches(() => this.relayOnePartitionBatch());
  }

  /** Returns null when no partition with pending messages could be claimed. */
  private async relayOnePartitionBatch(): Promise<number | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const partition = await claimPartitionWithWork(runner);
      if (partition === null) return null;
      try {
        return await this.relayBatch(runner, partition);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, $2)', [OUTBOX_LOCK_CLASS, partition]);
      }
    } finally {
      await runner.release();
    }
  }

  private async relayBatch(runner: QueryRunner, partition: number): Promise<number> {
    const rows: OutboxRow[] = await runner.query(
      `SELECT id, message_id, subject, body, headers, ordering_key FROM outbox
       WHERE partition = $1 ORDER BY id LIMIT $2`,
      [partition, this.options.batchSize ?? 200],
    );
    const done: string[] = [];
    try {
      for (const wave of publishingWaves(rows)) {
        const outcomes = await Promise.allSettled(wave.map((row) => this.publishOrSetAside(runner, row)));
        for (const [index, outcome] of outcomes.entries()) {
          if (outcome.status === 'rejected') continue;
          this.options.afterPublish?.(wave[index].message_id);
          done.push(wave[index].id);
        }
        // A key whose message failed must not have the next one sent: stop here, retry on the next pass.
        const failed = outcomes.find((outcome) => outcome.status === 'rejected');
        if (failed) throw failed.reason;
      }
    } finally {
      // Whatever was published is marked sent, even if a later publish of the batch failed.
      if (done.length > 0) await runner.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [done]);
    }
    return rows.length;
  }

  private async publishOrSetAside(runner: QueryRunner, row: OutboxRow): Promise<void> {
    const refusal = whyUnpublishable({
      subject: row.subject,
      messageId: row.message_id,
      headers: row.headers,
    });
    if (refusal) return this.setAside(runner, row, refusal);
    try {
      await this.publisher.publishRaw(
        row.subject,
        encoder.encode(row.body),
        row.message_id,
        row.headers as Record<string, string>,
      );
    } catch (error) {
      if (!isPermanentPublishError(error)) throw error;
      await this.setAside(runner, row, (error as Error).message || String(error), error);
    }
  }

  /** Out of the way of the messages behind it, kept for an operator, logged and counted. */
  private async setAside(
    runner: QueryRunner,
    row: OutboxRow,
    reason: string,
    error?: unknown,
  ): Promise<void> {
    this.logger.error(
      { err: error, messageId: row.message_id, subject: String(row.subject).slice(0, 512), reason },
      'Outbox message set aside in outbox_dead: the bus can never take it',
    );
    await runner.query(
      `INSERT INTO outbox_dead (id, partition, message_id, subject, body, headers, created_at, error)
       SELECT id, partition, message_id, subject, body, headers, created_at, $2 FROM outbox WHERE id = $1
       ON CONFLICT (id) DO NOTHING`,
      [row.id, reason],
    );
    this.options.onSetAside?.({ messageId: row.message_id, subject: row.subject, reason });
  }
}

/** Tries the partitions that have work, in random order, until one's advisory lock is free. */
async function claimPartitionWithWork(runner: QueryRunner): Promise<number | null> {
  const candidates: { partition: number }[] = await runner.query(
    `SELECT p.partition FROM outbox_partitions p
     WHERE EXISTS (SELECT 1 FROM outbox o WHERE o.partition = p.partition)
     ORDER BY random()`,
  );
  for (const { partition } of candidates) {
    const [claim]: { locked: boolean }[] = await runner.query(
      'SELECT pg_try_advisory_lock($1, $2) AS locked',
      [OUTBOX_LOCK_CLASS, partition],
    );
    if (claim.locked) return partition;
  }
  return null;
}
