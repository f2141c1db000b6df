import pino from 'pino';
import { PollingLoop } from './polling-loop';

const silent = pino({ level: 'silent' });

describe('PollingLoop', () => {
  it('passes again at once while there is work, and waits when there is none', async () => {
    let passes = 0;
    const loop = new PollingLoop(async () => ++passes < 5, silent, { name: 't', idleMs: 60_000 });
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(passes).toBe(5);
    await loop.stop();
  });

  it('stops at once even when stop() arrives during a pass that is about to sleep long', async () => {
    let release!: () => void;
    const inPass = new Promise<void>((resolve) => (release = resolve));
    const loop = new PollingLoop(() => inPass.then(() => false), silent, { name: 't', idleMs: 60_000 });
    loop.start();
    const started = Date.now();
    const stopped = loop.stop();
    release();
    await stopped;
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('keeps going after a failing pass, after retryMs', async () => {
    let passes = 0;
    const loop = new PollingLoop(
      async () => {
        passes += 1;
        if (passes === 1) throw new Error('boom');
        return false;
      },
      silent,
      { name: 't', idleMs: 60_000, retryMs: 10 },
    );
    loop.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await loop.stop();
    expect(passes).toBe(2);
  });
});
