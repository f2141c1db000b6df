import { renderFinalSchedule } from './final-schedule';
import type { Override, Schedule } from './schedule.types';
import { aLayer, aSchedule, anOverride, utc, weekdaysFrom } from './test-support/schedule-builders';
import { whoIsOnCall } from './who-is-on-call';

// 2027-05-03 is a Monday. All schedules here are in UTC so expectations read straight off the clock.
const MONDAY = { start: '2027-05-03T00:00Z', end: '2027-05-04T00:00Z' };

type Row = [start: string, end: string, userId: string, source: string];
const rows = (schedule: Schedule, window = MONDAY): Row[] =>
  renderFinalSchedule(schedule, window).map((shift) => [
    shift.start,
    shift.end,
    shift.userId,
    shift.source.kind === 'layer' ? shift.source.layerId : shift.source.overrideId,
  ]);
const row = (start: string, end: string, userId: string, source: string): Row => [
  utc(start),
  utc(end),
  userId,
  source,
];

describe('layer precedence (rule 7)', () => {
  const base = aLayer({ id: 'base', participants: ['A'] });
  const businessHours = aLayer({ id: 'day', participants: ['B'], restrictions: weekdaysFrom('09:00', 480) });

  it('given a restricted higher layer, then it wins inside its window and the lower layer shows through', () => {
    expect(rows(aSchedule('UTC', [base, businessHours]))).toEqual([
      row('2027-05-03T00:00Z', '2027-05-03T09:00Z', 'A', 'base'),
      row('2027-05-03T09:00Z', '2027-05-03T17:00Z', 'B', 'day'),
      row('2027-05-03T17:00Z', '2027-05-04T00:00Z', 'A', 'base'),
    ]);
  });

  it('given the same layers in the other order, then the last (24/7) layer hides the first', () => {
    expect(rows(aSchedule('UTC', [businessHours, base]))).toEqual([
      row('2027-05-03T00:00Z', '2027-05-04T00:00Z', 'A', 'base'),
    ]);
  });

  it.each([
    { case: 'has ended', top: aLayer({ id: 'top', participants: ['B'], end: '2027-05-03T12:00Z' }),
      expected: [row('2027-05-03T00:00Z', '2027-05-03T12:00Z', 'B', 'top'), row('2027-05-03T12:00Z', '2027-05-04T00:00Z', 'A', 'base')] },
    { case: 'has not started', top: aLayer({ id: 'top', participants: ['B'], start: '2027-05-03T12:00Z' }),
      expected: [row('2027-05-03T00:00Z', '2027-05-03T12:00Z', 'A', 'base'), row('2027-05-03T12:00Z', '2027-05-04T00:00Z', 'B', 'top')] },
    { case: 'has no participants', top: aLayer({ id: 'top', participants: [] }),
      expected: [row('2027-05-03T00:00Z', '2027-05-04T00:00Z', 'A', 'base')] },
  ])('given a higher layer that $case, then the lower layer shows through', ({ top, expected }) => {
    expect(rows(aSchedule('UTC', [base, top]))).toEqual(expected);
  }); // prettier-ignore

  it('given no layer with coverage, then nobody is on call', () => {
    const schedule = aSchedule('UTC', [businessHours]);
    expect(whoIsOnCall(schedule, '2027-05-03T08:59Z')).toBeNull();
    expect(whoIsOnCall(schedule, '2027-05-03T09:00Z')).toEqual({
      userId: 'B',
      source: { kind: 'layer', layerId: 'day' },
    });
  });
});

describe('restrictions and turns', () => {
  const rotation = aLayer({ participants: ['A', 'B', 'C'], handoffAnchor: '2027-05-03T00:00' });

  it('given a daily 09:00 + 8 h restriction, then each turn is cut to its window', () => {
    const layer = {
      ...rotation,
      restrictions: [{ kind: 'daily' as const, startTime: '09:00', durationMinutes: 480 }],
    };
    expect(rows(aSchedule('UTC', [layer]), { start: '2027-05-03T00:00Z', end: '2027-05-05T00:00Z' })).toEqual(
      [
        row('2027-05-03T09:00Z', '2027-05-03T17:00Z', 'A', 'layer'),
        row('2027-05-04T09:00Z', '2027-05-04T17:00Z', 'B', 'layer'),
      ],
    );
  });

  it.each([
    { layerStart: '2027-05-05T00:00Z', at: '2027-05-05T00:00Z', userId: 'C', why: 'a layer that starts at turn 2' },
    { layerStart: '2027-04-01T00:00Z', at: '2027-05-02T12:00Z', userId: 'C', why: 'turn -1, before the anchor' },
    { layerStart: '2027-04-01T00:00Z', at: '2027-05-01T12:00Z', userId: 'B', why: 'turn -2, before the anchor' },
    { layerStart: '2027-04-01T00:00Z', at: '2027-04-30T12:00Z', userId: 'A', why: 'turn -3, before the anchor' },
  ])('given $why, then $userId', ({ layerStart, at, userId }) => {
    const schedule = aSchedule('UTC', [{ ...rotation, start: layerStart }]);
    expect(whoIsOnCall(schedule, at)?.userId).toBe(userId);
  }); // prettier-ignore

  it('given the same user in consecutive turns, then the turns merge into one shift', () => {
    const layer = aLayer({ participants: ['A', 'A', 'B'], handoffAnchor: '2027-05-03T00:00' });
    expect(rows(aSchedule('UTC', [layer]), { start: '2027-05-03T00:00Z', end: '2027-05-06T00:00Z' })).toEqual(
      [
        row('2027-05-03T00:00Z', '2027-05-05T00:00Z', 'A', 'layer'),
        row('2027-05-05T00:00Z', '2027-05-06T00:00Z', 'B', 'layer'),
      ],
    );
  });

  it("given a layer in its own zone, then its restrictions are read in that zone, not the schedule's", () => {
    const restrictions = [{ kind: 'daily' as const, startTime: '09:00', durationMinutes: 60 }];
    const layer = aLayer({ timeZone: 'Asia/Kolkata', restrictions });
    expect(rows(aSchedule('UTC', [layer]))).toEqual([
      row('2027-05-03T03:30Z', '2027-05-03T04:30Z', 'A', 'layer'),
    ]);
  });
});

describe('overrides (rule 8)', () => {
  const base = aLayer({ id: 'base', participants: ['A'], restrictions: weekdaysFrom('09:00', 480) });
  const withOverrides = (...overrides: Override[]) => aSchedule('UTC', [base], overrides);
  const cover = (id: string, userId: string, from: string, to: string, createdAt: string) =>
    anOverride({
      id,
      userId,
      start: `2027-05-03T${from}Z`,
      end: `2027-05-03T${to}Z`,
      createdAt: `2027-04-${createdAt}Z`,
    });

  it('given an override in the middle of a shift, then it splits the shift', () => {
    expect(rows(withOverrides(cover('o', 'C', '12:00', '13:00', '01T00:00')))).toEqual([
      row('2027-05-03T09:00Z', '2027-05-03T12:00Z', 'A', 'base'),
      row('2027-05-03T12:00Z', '2027-05-03T13:00Z', 'C', 'o'),
      row('2027-05-03T13:00Z', '2027-05-03T17:00Z', 'A', 'base'),
    ]);
  });

  it('given an override outside every restriction window, then it still puts its user on call', () => {
    expect(rows(withOverrides(cover('o', 'C', '20:00', '22:00', '01T00:00')))).toEqual([
      row('2027-05-03T09:00Z', '2027-05-03T17:00Z', 'A', 'base'),
      row('2027-05-03T20:00Z', '2027-05-03T22:00Z', 'C', 'o'),
    ]);
  });

  it.each([
    { case: 'the later one was created later', c: '01T00:00', d: '02T00:00', expected: [
      row('2027-05-03T10:00Z', '2027-05-03T12:00Z', 'C', 'c'), row('2027-05-03T12:00Z', '2027-05-03T16:00Z', 'D', 'd')] },
    { case: 'the earlier one was created later', c: '02T00:00', d: '01T00:00', expected: [
      row('2027-05-03T10:00Z', '2027-05-03T14:00Z', 'C', 'c'), row('2027-05-03T14:00Z', '2027-05-03T16:00Z', 'D', 'd')] },
    { case: 'both were created at once (greater id wins)', c: '01T00:00', d: '01T00:00', expected: [
      row('2027-05-03T10:00Z', '2027-05-03T12:00Z', 'C', 'c'), row('2027-05-03T12:00Z', '2027-05-03T16:00Z', 'D', 'd')] },
  ])('given overrides C 10–14 and D 12–16 where $case, then the newer one wins the overlap', ({ c, d, expected }) => {
    const shifts = rows(withOverrides(cover('d', 'D', '12:00', '16:00', d), cover('c', 'C', '10:00', '14:00', c)));
    expect(shifts.filter(([, , userId]) => userId !== 'A')).toEqual(expected);
  }); // prettier-ignore

  it('given a newer override inside an older one, then the older one shows on both sides', () => {
    const shifts = rows(withOverrides(cover('old', 'C', '10:00', '16:00', '01T00:00'), cover('new', 'D', '12:00', '13:00', '02T00:00')));
    expect(shifts.filter(([, , userId]) => userId !== 'A')).toEqual([
      row('2027-05-03T10:00Z', '2027-05-03T12:00Z', 'C', 'old'),
      row('2027-05-03T12:00Z', '2027-05-03T13:00Z', 'D', 'new'),
      row('2027-05-03T13:00Z', '2027-05-03T16:00Z', 'C', 'old'),
    ]);
  }); // prettier-ignore

  it('given an override for the user already on call, then the pieces stay apart because their sources differ', () => {
    expect(rows(withOverrides(cover('o', 'A', '17:00', '18:00', '01T00:00')))).toEqual([
      row('2027-05-03T09:00Z', '2027-05-03T17:00Z', 'A', 'base'),
      row('2027-05-03T17:00Z', '2027-05-03T18:00Z', 'A', 'o'),
    ]);
  });
});
