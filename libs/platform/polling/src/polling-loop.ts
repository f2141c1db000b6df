import { Logger } from 'pino';

export interface PollingLoopOptions {
  /** Wait after a pass that found nothing to do. */
  idleMs: number;
  /** Wait after a pass that failed, before trying again. */
  retryMs?: number;
  /** Names the loop in its error logs. */
  name: string;
}

/**
 * What a pass answers: true = it found work (pass again at once), false = nothing to do (wait `idleMs`),
 * or a number of milliseconds to wait (capped at `idleMs`), for loops that know when work is next due.
 */
export type PassOutcome = boolean | number;

/**
 * Runs `pass` again and again: at once while it finds work, after `idleMs` when it found none, after
 * `retryMs` when it failed (logged). `stop()` ends the wait at once and resolves after the pass in hand.
 */
export class PollingLoop {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly pass: () => Promise<PassOutcome>,
    private readonly logger: Logger,
    private readonly options: PollingLoopOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Ends an idle wait now (new work is known to be there). */
  poke(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const outcome = await this.pass();
        const waitMs =
          outcome === true
            ? 0
            : outcome === false
              ? this.options.idleMs
              : Math.min(outcome, this.options.idleMs);
        if (waitMs > 0) await this.sleep(waitMs);
      } catch (error) {
        this.logger.error({ err: error, loop: this.options.name }, `${this.options.name} failed; retrying`);
        await this.sleep(this.options.retryMs ?? 1_000);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
