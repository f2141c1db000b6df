import { waitFor } from '@oncall/platform-testing';
import { DirectoryProbe, ISO_INSTANT } from './support/directory-probe';
import {
  DAY,
  dailyLayer,
  iso,
  MINUTE,
  scheduleBody,
  startSchedulingProbe,
} from './support/schedule-fixtures';

const ORG = 'schedules-coverage-msp';

interface Gap {
  scheduleId: string;
  scheduleName: string;
  start: string;
  end: string;
  detectedAt: string;
}

/** Monday 00:00 for five days: nobody covers the weekend. */
const WEEKDAYS = { kind: 'weekly', startDayOfWeek: 1, startTime: '00:00', durationMinutes: 5 * 1440 };

/** Every weekend [Saturday 00:00Z, Monday 00:00Z) overlapping [from, to). */
function weekendsBetween(from: number, to: number): { start: number; end: number }[] {
  const weekends: { start: number; end: number }[] = [];
  const firstMonday = Date.parse('2020-01-06T00:00:00Z');
  for (
    let monday = firstMonday + Math.floor((from - firstMonday) / (7 * DAY)) * 7 * DAY;
    ;
    monday += 7 * DAY
  ) {
    const weekend = { start: monday + 5 * DAY, end: monday + 7 * DAY };
    if (weekend.start >= to) return weekends;
    if (weekend.end > from) weekends.push(weekend);
  }
}

describe('Schedules: coverage gaps', () => {
  let probe: DirectoryProbe;
  let manager: string;
  let ann: string;

  beforeAll(async () => {
    probe = await startSchedulingProbe('sched-coverage');
    manager = probe.platform.token(ORG, 'manager', 'boss');
    ann = (await probe.call<{ id: string }>(manager, 'GET', '/api/v1/me', 200)).id;
  }, 30_000);
  afterAll(() => probe.close());

  const gapsOf = async (scheduleId?: string) =>
    (
      await probe.call<{ items: Gap[] }>(
        manager,
        'GET',
        `/api/v1/coverage-gaps${scheduleId ? `?scheduleId=${scheduleId}` : ''}`,
        200,
      )
    ).items;

  it('lists the weekends of a weekday-only schedule within the next 14 days, and a 24/7 rotation has none', async () => {
    const allWeek = await probe.call<{ id: string }>(
      manager,
      'POST',
      '/api/v1/schedules',
      201,
      scheduleBody('Around the clock', [dailyLayer([ann])]),
    );
    const before = Date.now();
    const weekdays = await probe.call<{ id: string }>(
      manager,
      'POST',
      '/api/v1/schedules',
      201,
      scheduleBody('Weekdays', [{ ...dailyLayer([ann]), restrictions: [WEEKDAYS] }]),
    );
    const gaps = await waitFor('the weekday schedule’s gaps', async () => {
      const found = await gapsOf(weekdays.id);
      return found.length > 0 && found;
    });
    const after = Date.now();

    const weekends = weekendsBetween(before, after + 14 * DAY);
    expect(gaps).toHaveLength(weekends.length);
    gaps.forEach((gap, i) => {
      expect(gap).toEqual({
        scheduleId: weekdays.id,
        scheduleName: 'Weekdays',
        start: ISO_INSTANT,
        end: ISO_INSTANT,
        detectedAt: ISO_INSTANT,
      });
      // The scan looks from its own "now" 14 days ahead: a weekend under way, or the last one, is cut there.
      const [start, end] = [Date.parse(gap.start), Date.parse(gap.end)];
      if (weekends[i].start > after) expect(gap.start).toBe(iso(weekends[i].start));
      else expect(start).toBeGreaterThanOrEqual(before);
      if (weekends[i].end < before + 14 * DAY) expect(gap.end).toBe(iso(weekends[i].end));
      else expect(end).toBeLessThanOrEqual(after + 14 * DAY);
    });

    expect(await gapsOf(allWeek.id)).toEqual([]);
    expect(await gapsOf()).toEqual(gaps);
  });

  it('turns the whole window into a gap when the last participant leaves, and none once someone is back', async () => {
    const schedule = await probe.call<{ id: string; layers: { id: string }[] }>(
      manager,
      'POST',
      '/api/v1/schedules',
      201,
      scheduleBody('Shrinking', [dailyLayer([ann])]),
    );
    const emptied = { ...dailyLayer([]), id: schedule.layers[0].id };
    await probe.call(
      manager,
      'PUT',
      `/api/v1/schedules/${schedule.id}`,
      200,
      scheduleBody('Shrinking', [emptied]),
    );
    const [gap] = await waitFor('the emptied schedule’s gap', async () => {
      const found = await gapsOf(schedule.id);
      return found.length > 0 && found;
    });
    expect(await gapsOf(schedule.id)).toEqual([gap]);
    const length = Date.parse(gap.end) - Date.parse(gap.start);
    expect(length).toBeGreaterThan(14 * DAY - MINUTE);
    expect(length).toBeLessThanOrEqual(14 * DAY);
    expect(Math.abs(Date.parse(gap.start) - Date.now())).toBeLessThan(MINUTE);

    const refilled = scheduleBody('Shrinking', [{ ...emptied, participants: [ann] }]);
    await probe.call(manager, 'PUT', `/api/v1/schedules/${schedule.id}`, 200, refilled);
    await waitFor('a 24/7 rotation without gaps', async () => (await gapsOf(schedule.id)).length === 0);
  });

  it('answers 404 for a schedule of another organization, and 400 for an id that is not one', async () => {
    const stranger = probe.platform.token('other-msp', 'manager', 'stranger');
    const [theirs] = (await probe.call<{ items: { id: string }[] }>(manager, 'GET', '/api/v1/schedules', 200))
      .items;
    await probe.problem(stranger, 'GET', `/api/v1/coverage-gaps?scheduleId=${theirs.id}`, 404);
    expect((await probe.call<{ items: Gap[] }>(stranger, 'GET', '/api/v1/coverage-gaps', 200)).items).toEqual(
      [],
    );
    await probe.problem(
      manager,
      'GET',
      '/api/v1/coverage-gaps?scheduleId=weekdays',
      400,
      undefined,
      'scheduleId',
    );
  });
});
