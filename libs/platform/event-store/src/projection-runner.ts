import { drainBatches, PolledWorker } from '@oncall/platform-polling';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { EventStore, GlobalPosition, START_OF_ALL, StoredEvent } from './event-store.port';

/**
 * A read model fed from the event store. `apply` gets events in global order, a batch at a time, and must
 * be deterministic: a rebuild from the same events gives the same rows.
 */
export interface Projection {
  name: string;
  /** Tables the projection owns; a rebuild empties them. */
  tables: readonly string[];
  apply(events: readonly StoredEvent[], transaction: EntityManager): Promise<void>;
}

export interface ProjectionRunnerOptions {
  batchSize?: number;
  pollIntervalMs?: number;
}

/**
 * Feeds a projection from the store's global order. Each batch's rows and the checkpoint are written in
 * one transaction; the checkpoint row is claimed with FOR UPDATE SKIP LOCKED, so with several replicas
 * one projects while the others wait their turn.
 */
export class ProjectionRunner extends PolledWorker {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EventStore,
    private readonly projection: Projection,
    logger: Logger,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    super(logger, { name: `Projection ${projection.name}`, idleMs: options.pollIntervalMs ?? 50 });
  }

  protected async pass(): Promise<boolean> {
    return (await this.projectBatch()) > 0;
  }

  /** Projects everything visible now; returns the number of events applied. */
  catchUp(): Promise<number> {
    return drainBatches(async () => (await this.projectBatch()) || null);
  }

  /**
   * Empties the read model and projects the whole history again, in one transaction that holds the
   * checkpoint row from the start: a live runner (which claims that row with SKIP LOCKED) stands aside
   * until the rebuild commits, then goes on from where the rebuild stopped. Locks are taken in the runner's
   * order (checkpoint row, then tables) so the two cannot deadlock, and rows are deleted rather than
   * truncated so readers keep seeing the old rows until the new ones commit. Returns the events replayed.
   */
  async rebuild(): Promise<number> {
    return this.dataSource.transaction(async (transaction) => {
      await transaction.query(
        'INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING',
        [this.projection.name],
      );
      await transaction.query('SELECT 1 FROM projection_checkpoints WHERE name = $1 FOR UPDATE', [
        this.projection.name,
      ]);
      for (const table of this.projection.tables) await transaction.query(`DELETE FROM ${table}`);
      let position = START_OF_ALL;
      let replayed = 0;
      for (;;) {
        const events = await this.store.readAll({ after: position, limit: this.options.batchSize ?? 500 });
        if (events.length === 0) break;
        await this.projection.apply(events, transaction);
        position = events[events.length - 1].position;
        replayed += events.length;
      }
      if (replayed > 0) await saveCheckpoint(transaction, this.projection.name, position);
      else await resetCheckpoint(transaction, this.projection.name);
      return replayed;
    });
  }

  private async projectBatch(): Promise<number> {
    return this.dataSource.transaction(async (transaction) => {
      const checkpoint = await claimCheckpoint(transaction, this.projection.name);
      if (!checkpoint) return 0;
      const events = await this.store.readAll({ after: checkpoint, limit: this.options.batchSize ?? 500 });
      if (events.length === 0) return 0;
      await this.projection.apply(events, transaction);
      await saveCheckpoint(transaction, this.projection.name, events[events.length - 1].position);
      return events.length;
    });
  }
}

async function claimCheckpoint(transaction: EntityManager, name: string): Promise<GlobalPosition | null> {
  await transaction.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING', [
    name,
  ]);
  const rows: { transaction_id: string; sequence: string }[] = await transaction.query(
    'SELECT transaction_id, sequence FROM projection_checkpoints WHERE name = $1 FOR UPDATE SKIP LOCKED',
    [name],
  );
  if (rows.length === 0) return null;
  const [row] = rows;
  return row.sequence === '0'
    ? START_OF_ALL
    : { transactionId: String(row.transaction_id), sequence: String(row.sequence) };
}

async function resetCheckpoint(transaction: EntityManager, name: string): Promise<void> {
  await transaction.query(
    "UPDATE projection_checkpoints SET transaction_id = '0'::xid8, sequence = 0, updated_at = now() WHERE name = $1",
    [name],
  );
}

async function saveCheckpoint(
  transaction: EntityManager,
  name: string,
  position: GlobalPosition,
): Promise<void> {
  await transaction.query(
    'UPDATE projection_checkpoints SET transaction_id = $2::xid8, sequence = $3, updated_at = now() WHERE name = $1',
    [name, position.transactionId, position.sequence],
  );
}
