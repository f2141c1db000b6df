import { Clock } from '@oncall/platform-clock';
import { PolledWorker } from '@oncall/platform-polling';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { claimDueTimers, DueTimer, finishTimer, nextDueAt, postponeTimer } from './timer-store';

/**
 * Handles one due timer inside the transaction that claimed it: whatever it writes (outbox rows, next
 * timers, its own state) commits together with the timer's removal, so a crash fires it again rather than
 * half-way, and any number of replicas fire it once. No network calls in here.
 */
export type TimerHandler = (timer: DueTimer, tx: EntityManager, now: Date) => Promise<void>;

export interface TimerWorkerOptions {
  /** Timers claimed per transaction. */
  batchSize?: number;
  /** Longest wait between two looks at the table when nothing is due sooner. */
  maxIdleMs?: number;
  /** Delay before a failed timer is tried again (by attempt, the last repeats). */
  retryDelaysMs?: readonly number[];
  /** Seconds between a timer's due time and its firing, for the lateness metric. */
  observeLateness?: (kind: string, seconds: number) => void;
  /** Called after a batch that fired timers committed (to poke the outbox relay, say). */
  afterCommit?: (fired: number) => void;
}

const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];

/** Fires due timers of the kinds it has handlers for, from the platform clock's point of view. */
export class TimerWorker extends PolledWorker {
  private readonly kinds: string[];
  private unsubscribeJump?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly handlers: Readonly<Record<string, TimerHandler>>,
    private readonly logger: Logger,
    private readonly options: TimerWorkerOptions = {},
  ) {
    const kinds = Object.keys(handlers);
    super(logger, { name: `Timers (${kinds.join(', ')})`, idleMs: options.maxIdleMs ?? 250 });
    this.kinds = kinds;
  }

  override start(): void {
    this.unsubscribeJump = this.clock.onJump(() => this.poke());
    super.start();
  }

  override async stop(): Promise<void> {
    this.unsubscribeJump?.();
    await super.stop();
  }

  /** Fires every timer due now, batch after batch; answers how many fired. */
  async fireDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const batch = await this.fireBatch();
      fired += batch;
      if (batch < (this.options.batchSize ?? 100)) return fired;
    }
  }

  protected async pass(): Promise<boolean | number> {
    if ((await this.fireBatch()) > 0) return true;
    const next = await nextDueAt(this.dataSource, this.kinds);
    return next === null ? false : Math.max(next.getTime() - this.clock.now().getTime(), 1);
  }

  private async fireBatch(): Promise<number> {
    const fired = await this.dataSource.transaction(async (tx) => {
      const now = this.clock.now();
      const due = await claimDueTimers(tx, this.kinds, now, this.options.batchSize ?? 100);
      for (const timer of due) await this.fireOne(timer, tx, now);
      return due.length;
    });
    if (fired > 0) this.options.afterCommit?.(fired);
    return fired;
  }

  /** A failing handler is rolled back to its savepoint and postponed; the batch goes on. */
  private async fireOne(timer: DueTimer, tx: EntityManager, now: Date): Promise<void> {
    await tx.query('SAVEPOINT timer');
    try {
      await this.handlers[timer.kind](timer, tx, now);
      await finishTimer(tx, timer);
      await tx.query('RELEASE SAVEPOINT timer');
      this.options.observeLateness?.(timer.kind, (now.getTime() - timer.dueAt.getTime()) / 1000);
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT timer');
      const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
      const retryAt = new Date(now.getTime() + delays[Math.min(timer.attempts, delays.length - 1)]);
      this.logger.error(
        { err: error, kind: timer.kind, key: timer.key, orgId: timer.orgId, retryAt: retryAt.toISOString() },
        'A timer failed; it will be tried again',
      );
      await postponeTimer(tx, timer, retryAt);
    }
  }
}
