import { Inject, Injectable } from '@nestjs/common';
import { Consumers, Streams } from '@oncall/contracts';
import { MessageBus, publishDeadLetter, retryDelay, verdictFor } from '@oncall/platform-messaging';
import { ServiceMetrics } from '@oncall/platform-observability';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { OpenAlert } from '@oncall/dedup-domain';
import { KeyBatchHandler } from './key-batch.handler';
import { PartitionItem } from './partition-reader';

/** What the runner tells the partition of each alert: its step performed, then done (history written). */
export interface BatchProgress {
  applied(item: PartitionItem): void;
  done(item: PartitionItem): void;
}

export interface BatchOutcome {
  applied: number;
  deadLettered: number;
}

const MAX_ATTEMPTS = 8;
const RETRY_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000, 10_000];
/** Longest wait between two tries while incident-state does not answer (waited for indefinitely). */
const DEPENDENCY_WAIT_CAP_MS = 5_000;

class Aborted extends Error {}

/**
 * Runs a batch of one key's alerts step by step through the KeyBatchHandler. A step that fails for a
 * transient reason is tried again (indefinitely while incident-state does not answer: a deploy must not
 * lose alerts); a permanent refusal dead-letters the alert at the front and the batch goes on without it.
 * Each alert is reported done once applied, dropped or dead-lettered and its history row written, never
 * before.
 */
@Injectable()
export class BatchRunner {
  private aborted = false;
  private readonly wakeUps = new Set<() => void>();

  constructor(
    private readonly handler: KeyBatchHandler,
    private readonly bus: MessageBus,
    private readonly metrics: ServiceMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Shutting down: waits end now, unfinished alerts stay unreported (replayed after restart). */
  abort(): void {
    this.aborted = true;
    for (const wake of this.wakeUps) wake();
  }

  async run(items: readonly PartitionItem[], progress: BatchProgress): Promise<BatchOutcome> {
    const outcome: BatchOutcome = { applied: 0, deadLettered: 0 };
    let pending = items;
    let open: OpenAlert | null | undefined;
    try {
      // A partition being handed over starts no new step: its next holder takes the rest.
      while (pending.length > 0 && pending[0].source.accepts()) {
        const step = await this.nextStep(pending, open);
        const covered = pending.slice(0, step.covered);
        covered.forEach((item) => progress.applied(item));
        void step.written.then(() => covered.forEach((item) => progress.done(item)));
        outcome[step.deadLettered ? 'deadLettered' : 'applied'] += step.covered;
        pending = pending.slice(step.covered);
        open = step.open;
      }
    } catch (error) {
      if (!(error instanceof Aborted)) throw error;
    }
    return outcome;
  }

  private async nextStep(
    pending: readonly PartitionItem[],
    known: OpenAlert | null | undefined,
  ): Promise<{
    covered: number;
    deadLettered: boolean;
    open: OpenAlert | null | undefined;
    written: Promise<void>;
  }> {
    const alerts = pending.map((item) => item.received);
    for (let attempt = 1; ; attempt++) {
      if (this.aborted) throw new Aborted();
      try {
        // 0 covered = the open-alert index changed under the step; plan again at once (not a failure).
        let result = await this.handler.performNext(alerts, attempt === 1 ? known : undefined);
        if (result.covered === 0) result = await this.handler.performNext(alerts);
        if (result.covered > 0) return { ...result, deadLettered: false };
        throw new Error('The open-alert index kept changing under the alert');
      } catch (error) {
        const verdict = verdictFor(error, attempt, MAX_ATTEMPTS);
        const [first] = pending;
        const context = { err: error, alertId: first.received.alertId, attempt };
        if (verdict === 'dead-letter') {
          await this.deadLetter(first, error as Error, attempt);
          return { covered: 1, deadLettered: true, open: undefined, written: Promise.resolve() };
        }
        this.logger.warn(context, `Correlating an alert failed (${verdict}); trying again`);
        const cap = verdict === 'wait-for-dependency' ? DEPENDENCY_WAIT_CAP_MS : Number.MAX_SAFE_INTEGER;
        await this.pause(retryDelay(RETRY_DELAYS_MS, attempt, cap));
      }
    }
  }

  private async deadLetter(item: PartitionItem, error: Error, attempts: number): Promise<void> {
    this.logger.error({ err: error, alertId: item.received.alertId }, 'Alert moved to dead letters');
    const source = { stream: Streams.alerts.name, durable: Consumers.dedupAlerts };
    await publishDeadLetter(this.bus.js, this.bus.namespace, source, item.message, error, attempts);
    this.metrics.deadLetters.inc(source);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeUps.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeUps.add(wake);
    });
  }
}
