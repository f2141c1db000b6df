import { renderFinalSchedule } from './final-schedule';
import { renderLayer } from './layer-render';
import { localDateTimeAt } from './local-time';
import { aLayer, aSchedule, utc } from './test-support/schedule-builders';

const HOUR = 3_600_000;
const hoursBetween = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / HOUR;

describe('weekly rotation with a 09:00 handoff in America/New_York', () => {
  const layer = aLayer({
    participants: ['A', 'B'],
    rotation: { kind: 'weekly' },
    handoffAnchor: '2027-03-08T09:00',
  });

  // US DST 2027: starts Sunday 03-14 (EST -5 → EDT -4), ends Sunday 11-07 (EDT → EST).
  it.each([
    { transition: 'March', window: ['2027-03-08T14:00Z', '2027-03-22T14:00Z'],
      handoffs: ['2027-03-08T14:00Z', '2027-03-15T13:00Z', '2027-03-22T13:00Z'], firstTurnHours: 167 },
    { transition: 'November', window: ['2027-11-01T13:00Z', '2027-11-15T15:00Z'],
      handoffs: ['2027-11-01T13:00Z', '2027-11-08T14:00Z', '2027-11-15T14:00Z'], firstTurnHours: 169 },
  ])('given the $transition transition, then handoffs are $handoffs', ({ window, handoffs, firstTurnHours }) => {
    const shifts = renderLayer(layer, 'America/New_York', { start: window[0], end: window[1] });
    expect(shifts.map((shift) => shift.start)).toEqual(handoffs.map(utc));
    expect(shifts.map((shift) => localDateTimeAt(shift.start, 'America/New_York').slice(11))).toEqual(['09:00', '09:00', '09:00']);
    expect(hoursBetween(shifts[0].start, shifts[0].end)).toBe(firstTurnHours);
  }); // prettier-ignore
});

describe('daily 00:00–08:00 restriction in Europe/London on the night of the change', () => {
  const schedule = aSchedule('Europe/London', [
    aLayer({ restrictions: [{ kind: 'daily', startTime: '00:00', durationMinutes: 8 * 60 }] }),
  ]);

  // UK 2027: clocks go forward at 01:00Z on 03-28 and back at 01:00Z on 10-31.
  it.each([
    { night: 'spring', window: ['2027-03-27T12:00Z', '2027-03-28T12:00Z'],
      covered: ['2027-03-28T00:00Z', '2027-03-28T07:00Z'], realHours: 7 },
    { night: 'autumn', window: ['2027-10-30T12:00Z', '2027-10-31T12:00Z'],
      covered: ['2027-10-30T23:00Z', '2027-10-31T08:00Z'], realHours: 9 },
  ])('given the $night night, then local 00:00–08:00 is covered: $realHours real hours', ({ window, covered, realHours }) => {
    const shifts = renderFinalSchedule(schedule, { start: window[0], end: window[1] });
    expect(shifts.map((shift) => [shift.start, shift.end])).toEqual([covered.map(utc)]);
    expect(hoursBetween(shifts[0].start, shifts[0].end)).toBe(realHours);
  }); // prettier-ignore
});

describe('12-hour custom rotation in Europe/Berlin (rule 3)', () => {
  const layer = aLayer({
    participants: ['A', 'B'],
    rotation: { kind: 'custom', unit: 'hours', length: 12 },
    handoffAnchor: '2027-03-27T08:00',
  });

  it('given the spring change, then handoffs stay 12 real hours apart and the local time drifts to 09:00/21:00', () => {
    const shifts = renderLayer(layer, 'Europe/Berlin', {
      start: '2027-03-27T07:00Z',
      end: '2027-03-29T07:00Z',
    });
    expect(shifts.map((shift) => [shift.start, shift.userId])).toEqual([
      [utc('2027-03-27T07:00Z'), 'A'],
      [utc('2027-03-27T19:00Z'), 'B'],
      [utc('2027-03-28T07:00Z'), 'A'],
      [utc('2027-03-28T19:00Z'), 'B'],
    ]);
    const localHandoffs = shifts.map((shift) => localDateTimeAt(shift.start, 'Europe/Berlin').slice(11));
    expect(localHandoffs).toEqual(['08:00', '20:00', '09:00', '21:00']);
  });

  it('given a summer morning months later, then handoffs are still at 07:00Z, not at 08:00 local (06:00Z)', () => {
    // 2027-07-01T07:00Z is 95 days = 190 turns after the anchor: an even turn, so A; B before it.
    const shifts = renderLayer(layer, 'Europe/Berlin', {
      start: '2027-07-01T06:00Z',
      end: '2027-07-01T08:00Z',
    });
    expect(shifts).toEqual([
      { start: utc('2027-07-01T06:00Z'), end: utc('2027-07-01T07:00Z'), userId: 'B' },
      { start: utc('2027-07-01T07:00Z'), end: utc('2027-07-01T08:00Z'), userId: 'A' },
    ]);
  });
});
