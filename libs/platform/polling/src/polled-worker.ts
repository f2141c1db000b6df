import { Logger } from 'pino';
import { PassOutcome, PollingLoop, PollingLoopOptions } from './polling-loop';

/**
 * A worker driven by a {@link PollingLoop}: `pass` is its one look for work, and `start`, `stop` and `poke`
 * are the loop's. The projection runner, the outbox relay and the timer worker are all this shape.
 */
export abstract class PolledWorker {
  private readonly loop: PollingLoop;

  protected constructor(logger: Logger, options: PollingLoopOptions) {
    this.loop = new PollingLoop(() => this.pass(), logger, options);
  }

  /** One look for work, answered as for {@link PollingLoop}. */
  protected abstract pass(): Promise<PassOutcome>;

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Ends an idle wait now (new work is known to be there). */
  poke(): void {
    this.loop.poke();
  }
}

/**
 * Runs `batch` again and again until it answers `null` (nothing more to do now); answers the sum of the
 * batches' counts.
 */
export async function drainBatches(batch: () => Promise<number | null>): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await batch();
    if (done === null) return total;
    total += done;
  }
}
