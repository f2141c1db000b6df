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
 * Runs `pass` again and again: at once while it finds work, after `idleMs` when it found none, after
 * `retryMs` when it failed (logged). `stop()` ends the wait at once and resolves after the pass in hand.
 */
export class PollingLoop {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly pass: () => Promise<boolean>,
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
        if (!(await this.pass())) await this.sleep(this.options.idleMs);
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
