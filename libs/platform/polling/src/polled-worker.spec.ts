import pino from 'pino';
import { drainBatches, PolledWorker } from './polled-worker';

const silent = pino({ level: 'silent' });

class CountingWorker extends PolledWorker {
  passes = 0;
  constructor() {
    super(silent, { name: 'counting', idleMs: 60_000 });
  }
  protected async pass(): Promise<boolean> {
    return ++this.passes < 3;
  }
}

describe('PolledWorker', () => {
  it('runs its pass on the loop until there is no work, and wakes up when poked', async () => {
    const worker = new CountingWorker();
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(worker.passes).toBe(3);
    worker.poke();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(worker.passes).toBe(4);
    await worker.stop();
  });
});

describe('drainBatches', () => {
  it('sums the batches until one answers null', async () => {
    const answers = [2, 0, 3, null, 5];
    expect(await drainBatches(async () => answers.shift() ?? null)).toBe(5);
    expect(answers).toEqual([5]);
  });
});
