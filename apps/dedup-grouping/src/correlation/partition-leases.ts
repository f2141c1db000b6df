import { ALERT_PARTITIONS } from '@oncall/contracts';
import { Logger } from 'pino';
import { DataSource, QueryRunner } from 'typeorm';

/**
 * Where a partition's correlation stands: every alert up to `sequence` is done, and so are the later ones in
 * `doneAbove` (alerts of different keys finish out of order). The next holder reads after `sequence` and
 * skips `doneAbove`, so nothing is applied twice.
 */
export interface Checkpoint {
  sequence: number;
  doneAbove: readonly number[];
}

/** First key of the two-key advisory locks that claim alert partitions. */
const PARTITION_LOCK_CLASS = 741_301;
/** A replica not seen for this long no longer counts when sharing partitions. */
const MEMBER_EXPIRY_SECONDS = 5;

/**
 * Who correlates which alert partition. A replica holds a partition with a session advisory lock on its own
 * connection, so a replica that dies (or loses its connection) frees its partitions at once; checkpoints are
 * written on that same connection, so only the holder can move a partition's watermark. Replicas share the
 * partitions: each aims at ceil(partitions / live replicas) and gives back what is above.
 */
export class PartitionLeases {
  private runner?: QueryRunner;
  private readonly held = new Set<number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly instanceId: string,
    private readonly logger: Logger,
  ) {}

  get partitions(): ReadonlySet<number> {
    return this.held;
  }

  async connect(): Promise<void> {
    this.runner = this.dataSource.createQueryRunner();
    await this.runner.connect();
    await this.runner.query(
      `INSERT INTO partition_checkpoints (partition) SELECT generate_series(0, $1 - 1) ON CONFLICT DO NOTHING`,
      [ALERT_PARTITIONS],
    );
  }

  /** Heartbeat, then how many partitions this replica should hold now. */
  async fairShare(): Promise<number> {
    const [row]: { live: string }[] = await this.query(
      `WITH beat AS (
         INSERT INTO correlator_members (instance_id, seen_at) VALUES ($1, now())
         ON CONFLICT (instance_id) DO UPDATE SET seen_at = now()
       )
       SELECT count(*) + CASE WHEN bool_or(instance_id = $1) THEN 0 ELSE 1 END AS live
       FROM correlator_members WHERE seen_at > now() - make_interval(secs => $2)`,
      [this.instanceId, MEMBER_EXPIRY_SECONDS],
    );
    return Math.ceil(ALERT_PARTITIONS / Math.max(1, Number(row.live)));
  }

  /** Tries free partitions (in random order) until `count` more are held; answers the ones claimed. */
  async claim(count: number): Promise<number[]> {
    const claimed: number[] = [];
    const candidates = shuffled(range(ALERT_PARTITIONS).filter((partition) => !this.held.has(partition)));
    for (const partition of candidates) {
      if (claimed.length >= count) break;
      const [row]: { locked: boolean }[] = await this.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        PARTITION_LOCK_CLASS,
        partition,
      ]);
      if (!row.locked) continue;
      this.held.add(partition);
      claimed.push(partition);
    }
    return claimed;
  }

  async checkpointOf(partition: number): Promise<Checkpoint> {
    const [row]: { sequence: string; done_above: string[] }[] = await this.query(
      'SELECT sequence, done_above FROM partition_checkpoints WHERE partition = $1',
      [partition],
    );
    return { sequence: Number(row?.sequence ?? 0), doneAbove: (row?.done_above ?? []).map(Number) };
  }

  async saveCheckpoint(partition: number, checkpoint: Checkpoint): Promise<void> {
    if (!this.held.has(partition)) return;
    await this.query(
      `UPDATE partition_checkpoints SET sequence = $2, done_above = $3, updated_at = now()
       WHERE partition = $1 AND (sequence < $2 OR (sequence = $2 AND done_above <> $3::bigint[]))`,
      [partition, checkpoint.sequence, checkpoint.doneAbove],
    );
  }

  async release(partition: number): Promise<void> {
    if (!this.held.delete(partition)) return;
    await this.query('SELECT pg_advisory_unlock($1, $2)', [PARTITION_LOCK_CLASS, partition]);
  }

  /** Leaves the group: every lock goes with the connection. */
  async close(): Promise<void> {
    this.held.clear();
    const runner = this.runner;
    this.runner = undefined;
    if (!runner) return;
    // Session locks outlive release() on a pooled connection: give them back first.
    await runner.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    await runner
      .query('DELETE FROM correlator_members WHERE instance_id = $1', [this.instanceId])
      .catch(() => undefined);
    await runner
      .release()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Lease connection close'));
  }

  private query<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    if (!this.runner) throw new Error('Partition leases are not connected');
    return this.runner.query(sql, params);
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
