import { OffsetClock } from '@oncall/platform-clock';
import { openServiceDataSource } from '@oncall/platform-persistence';
import { createTestDatabase, TestDatabase, waitFor } from '@oncall/platform-testing';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { CreateTimers1796200000000 } from './timers.migration';
import { DueTimer, scheduleTimers } from './timer-store';
import { TimerHandler, TimerWorker } from './timer-worker';

const SCHEMA = 'timers_test';
const silent = pino({ level: 'silent' });

describe('TimerWorker (real PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const workers: TimerWorker[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('timers');
    dataSource = await openServiceDataSource({
      url: database.url,
      schema: SCHEMA,
      migrations: [CreateTimers1796200000000],
      applicationName: 'timers-test',
      poolSize: 8,
    });
    await dataSource.query(`CREATE TABLE fired (key text, fired_at timestamptz DEFAULT clock_timestamp())`);
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    await dataSource.query('TRUNCATE timers, fired');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const recordFiring: TimerHandler = async (timer, tx) => {
    await tx.query('INSERT INTO fired (key) VALUES ($1)', [timer.key]);
  };

  function startWorker(clock: OffsetClock, handlers: Record<string, TimerHandler>): TimerWorker {
    const worker = new TimerWorker(dataSource, clock, handlers, silent, { retryDelaysMs: [60_000] });
    workers.push(worker);
    worker.start();
    return worker;
  }

  async function firedKeys(): Promise<string[]> {
    const rows: { key: string }[] = await dataSource.query('SELECT key FROM fired ORDER BY key');
    return rows.map((row) => row.key);
  }

  it('fires each of 1,000 due timers exactly once with two workers competing', async () => {
    const clock = new OffsetClock();
    const now = clock.now();
    const keys = Array.from({ length: 1_000 }, (_, i) => `t${String(i).padStart(4, '0')}`);
    await scheduleTimers(
      dataSource.manager,
      keys.map((key) => ({ kind: 'ping', key, orgId: 'org-1', dueAt: now, payload: {} })),
    );
    startWorker(clock, { ping: recordFiring });
    startWorker(clock, { ping: recordFiring });
    await waitFor('every timer fired', async () => (await firedKeys()).length >= 1_000);
    await waitFor(
      'the table emptied',
      async () => Number((await dataSource.query('SELECT count(*) FROM timers'))[0].count) === 0,
    );
    expect(await firedKeys()).toEqual(keys);
  });

  it('fires a future timer when the clock jumps past it, not before', async () => {
    const clock = new OffsetClock();
    await scheduleTimers(dataSource.manager, [
      {
        kind: 'ping',
        key: 'later',
        orgId: 'org-1',
        dueAt: new Date(clock.now().getTime() + 3_600_000),
        payload: {},
      },
    ]);
    startWorker(clock, { ping: recordFiring });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await firedKeys()).toEqual([]);
    clock.advance(3_600_000);
    await waitFor('the timer fired after the jump', async () => (await firedKeys()).length === 1, {
      timeoutMs: 2_000,
    });
  });

  it('keeps a timer its handler moved, and removes it once it fires without moving', async () => {
    const clock = new OffsetClock();
    const firings: number[] = [];
    const stepping: TimerHandler = async (timer: DueTimer, tx, now) => {
      const step = (timer.payload as { step: number }).step;
      firings.push(step);
      if (step < 3)
        await scheduleTimers(tx, [
          { kind: 'step', key: timer.key, orgId: timer.orgId, dueAt: now, payload: { step: step + 1 } },
        ]);
    };
    await scheduleTimers(dataSource.manager, [
      { kind: 'step', key: 'chain', orgId: 'o', dueAt: clock.now(), payload: { step: 1 } },
    ]);
    startWorker(clock, { step: stepping });
    await waitFor('three steps', () => firings.length === 3);
    await waitFor(
      'no timer left',
      async () => Number((await dataSource.query('SELECT count(*) FROM timers'))[0].count) === 0,
    );
    expect(firings).toEqual([1, 2, 3]);
  });

  it('postpones a failing timer with its effects rolled back, and goes on with the others', async () => {
    const clock = new OffsetClock();
    const handler: TimerHandler = async (timer, tx) => {
      await tx.query('INSERT INTO fired (key) VALUES ($1)', [timer.key]);
      if (timer.key === 'bad') throw new Error('boom');
    };
    await scheduleTimers(dataSource.manager, [
      { kind: 'ping', key: 'bad', orgId: 'o', dueAt: clock.now(), payload: {} },
      { kind: 'ping', key: 'good', orgId: 'o', dueAt: clock.now(), payload: {} },
    ]);
    startWorker(clock, { ping: handler });
    await waitFor('the good timer fired', async () => (await firedKeys()).includes('good'));
    const [bad]: { attempts: number; due_at: Date }[] = await dataSource.query(
      `SELECT attempts, due_at FROM timers WHERE key = 'bad'`,
    );
    expect(await firedKeys()).toEqual(['good']);
    expect(bad.attempts).toBe(1);
    expect(bad.due_at.getTime()).toBeGreaterThan(clock.now().getTime() + 50_000);
  });
});
