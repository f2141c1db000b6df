import { stageForAll, waitFor } from '@oncall/platform-testing';
import { lastScheduledScan } from '@oncall/scheduling-domain';
import { randomUUID } from 'node:crypto';
import { DailyGapScanWorker } from '../apps/scheduling/src/coverage/daily-gap-scan.worker';
import { GapScanner } from '../apps/scheduling/src/coverage/gap-scanner';
import { setClockOffset } from './support/psa-fixtures';
import { GAP_TEST_ORG, GapScanStage } from './support/scheduling-bus';

const ORG = GAP_TEST_ORG;
const DAY = 24 * 3600 * 1000;

/** The daily scan of every schedule: once a day across replicas, made up, taken over, never repeated. */
describe('Coverage-gap scans: the daily run', () => {
  const stage = stageForAll(() => GapScanStage.start('gapscan'));

  it('makes up a missed daily scan at start: a replica started after the scan hour of a day without a run', async () => {
    // The platform's time, for a replica on the test clock: three hours after the scan hour of a day 40
    // days ahead. Nobody ran that day's scan (no replica lived then): the run is missing.
    const today = new Date();
    const at = new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 40, 6 + 3),
    );
    const missed = lastScheduledScan(at, 6).day;
    const runOf = () =>
      stage.platform.withSchema('scheduling', async (db) => {
        const rows: { finished_at: Date | null }[] = await db.query('SELECT finished_at FROM gap_scan_runs WHERE day = $1', [missed]); // prettier-ignore
        return rows[0];
      });
    expect(await runOf()).toBeUndefined();
    await setClockOffset(stage.bus, at.getTime() - Date.now());
    const replica = await stage.platform.startReplica('scheduling', { PLATFORM_CLOCK: 'test' });
    try {
      const run = await waitFor('the made-up run of the missed day', async () => (await runOf())?.finished_at ?? undefined); // prettier-ignore
      expect(run).toBeInstanceOf(Date);
    } finally {
      await replica.close();
      await setClockOffset(stage.bus, 0);
    }
  });

  it('runs a day’s scan on exactly one of several replicas', async () => {
    const replica = await stage.platform.startReplica('scheduling');
    try {
      const workers = [
        stage.platform.service('scheduling').app.get(DailyGapScanWorker),
        replica.app.get(DailyGapScanWorker),
      ];
      const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
      const ran = await Promise.all([...workers, ...workers].map((worker) => worker.runIfDue(tomorrow)));
      expect(ran.filter(Boolean)).toHaveLength(1);
    } finally {
      await replica.close();
    }
  });

  it('does not scan again when restarted after the day’s run', async () => {
    const due = lastScheduledScan(new Date(), 6);
    const runOf = () =>
      stage.platform.withSchema('scheduling', (db) =>
        db.query('SELECT started_at, heartbeat_at, owner, finished_at FROM gap_scan_runs WHERE day = $1', [
          due.day,
        ]),
      );
    // Today's run, made up by the service when it started (on the wall clock), whichever test ran before.
    const [done] = await waitFor('today’s run done', async () => {
      const rows = await runOf();
      return rows[0]?.finished_at ? rows : undefined;
    });
    const restarted = await stage.platform.startReplica('scheduling');
    try {
      expect(await restarted.app.get(DailyGapScanWorker).runIfDue()).toBe(false);
      expect(await runOf()).toEqual([done]);
    } finally {
      await restarted.close();
    }
  });

  it('takes over a run whose heartbeat went stale, but not one whose scanner is still renewing it', async () => {
    const worker = stage.platform.service('scheduling').app.get(DailyGapScanWorker);
    // Two future days' runs, both started an hour ago and never finished.
    const [stale, alive] = [10, 11].map((days) => new Date(Date.now() + days * DAY));
    const runs = [
      [lastScheduledScan(stale, 6).day, '10 minutes'],
      [lastScheduledScan(alive, 6).day, '30 seconds'],
    ];
    const owner = randomUUID();
    await stage.platform.withSchema('scheduling', async (db) => {
      for (const [day, heartbeatAge] of runs) {
        await db.query(
          `INSERT INTO gap_scan_runs (day, started_at, heartbeat_at, owner)
           VALUES ($1, now() - interval '1 hour', now() - $2::interval, $3)`,
          [day, heartbeatAge, owner],
        );
      }
    });
    expect(await worker.runIfDue(alive)).toBe(false);
    expect(await worker.runIfDue(stale)).toBe(true);
    const rows: { day: string; owner: string; finished: boolean }[] = await stage.platform.withSchema(
      'scheduling',
      (db) =>
        db.query(
          `SELECT to_char(day, 'YYYY-MM-DD') AS day, owner, finished_at IS NOT NULL AS finished
           FROM gap_scan_runs WHERE day = ANY($1::date[]) ORDER BY day`,
          [runs.map(([day]) => day)],
        ),
    );
    expect(rows).toEqual([
      { day: runs[0][0], owner: expect.not.stringMatching(owner), finished: true },
      { day: runs[1][0], owner, finished: false },
    ]);
  });

  it('keeps scanning the other schedules when one of them fails', async () => {
    // A schedule whose definition cannot be rendered (written behind the API's back): its scan throws.
    const broken = '00000000-0000-4000-8000-000000000001';
    const layer = { id: 'l', participants: ['u-1', 'u-2'], rotation: { kind: 'daily' }, handoffAnchor: '2026-01-05T09:00', start: '2026-01-01T00:00:00Z', end: null, restrictions: [] }; // prettier-ignore
    const good = await stage.createSchedule('Scanned after the broken one', []);
    await waitFor('the gap found after creation', async () => (await stage.gapsOf(good.id)).length === 1);
    await stage.platform.withSchema('scheduling', async (db) => {
      await db.query(
        `INSERT INTO schedules (id, org_id, name, current_revision, created_at, updated_at)
         VALUES ($1, $2, 'Broken', 1, now(), now())`,
        [broken, ORG],
      );
      await db.query(
        `INSERT INTO schedule_revisions (schedule_id, org_id, revision, effective_from, time_zone, layers, created_by, created_at)
         VALUES ($1, $2, 1, now() - interval '1 day', 'Mars/Olympus', $3, 'test', now())`,
        [broken, ORG, JSON.stringify([layer])],
      );
      await db.query('DELETE FROM coverage_gaps WHERE schedule_id = $1', [good.id]);
    });
    const scanner = stage.platform.service('scheduling').app.get(GapScanner);
    await expect(scanner.scanSchedule(ORG, broken)).rejects.toThrow(RangeError);
    const result = await scanner.scanAll();
    expect(result.failed).toBe(1);
    expect(result.scanned).toBeGreaterThanOrEqual(1);
    expect(await stage.gapsOf(good.id)).toHaveLength(1);
  });
});
