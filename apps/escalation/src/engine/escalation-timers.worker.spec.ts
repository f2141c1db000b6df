import { TimerWorker } from '@oncall/platform-timers';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { EscalationConfig } from '../escalation.config';
import { DirectoryCopies } from '../local-copies/directory-copies';
import { ScheduleCopies } from '../local-copies/schedule-copies';
import { EscalationRunner } from './escalation-runner';
import { EscalationTimersWorker } from './escalation-timers.worker';
import { PageRelays } from './page-relays';

/** Copies whose loading the test finishes by hand (a stand-in for the state stream's replay). */
function loadingCopies() {
  let loaded!: () => void;
  const ready = new Promise<void>((resolve) => (loaded = resolve));
  return { copies: { ready: () => ready }, loaded: () => loaded() };
}

describe('Escalation timers wait for the local copies (stand-in copies, timer loops not run)', () => {
  let started: jest.SpyInstance;
  const afterPromises = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    started = jest.spyOn(TimerWorker.prototype, 'start').mockImplementation(() => undefined);
  });
  afterEach(() => started.mockRestore());

  function workerWith(directory: { ready(): Promise<void> }, schedules: { ready(): Promise<void> }) {
    const runner = new EscalationRunner(
      directory as unknown as DirectoryCopies,
      schedules as unknown as ScheduleCopies,
      { now: () => new Date() } as never,
    );
    const config = Object.assign(new EscalationConfig(), { ESCALATION_TIMER_LOOPS: 3 });
    return new EscalationTimersWorker(
      {} as DataSource,
      runner,
      { poke: () => undefined } as unknown as PageRelays,
      config,
      { now: () => new Date(), onJump: () => () => undefined } as never,
      pino({ enabled: false }),
    );
  }

  it('starts its loops only once both the directory and the schedules are loaded', async () => {
    const directory = loadingCopies();
    const schedules = loadingCopies();
    const bootstrapped = workerWith(directory.copies, schedules.copies).onApplicationBootstrap();

    directory.loaded();
    await afterPromises();
    expect(started).not.toHaveBeenCalled();

    schedules.loaded();
    await bootstrapped;
    expect(started).toHaveBeenCalledTimes(3);
  });

  it('never starts them when the service stops while the copies load', async () => {
    const directory = loadingCopies();
    const worker = workerWith(directory.copies, { ready: () => Promise.resolve() });
    const bootstrapped = worker.onApplicationBootstrap();

    await worker.onModuleDestroy();
    directory.loaded();
    await bootstrapped;
    expect(started).not.toHaveBeenCalled();
  });
});
