import { addDays, dateOf, isoWeekdayOf, weekStartOf } from './calendar-date';
import { formatPerZone, isKnownTimeZone, wallClockAt } from './zone-clock';

describe('zone clock', () => {
  it.each([
    { zone: 'Europe/Berlin', instant: '2027-03-28T00:59:59.999Z', clock: [2027, 3, 28, 1, 59, 59] },
    { zone: 'Europe/Berlin', instant: '2027-03-28T01:00:00Z', clock: [2027, 3, 28, 3, 0, 0] },
    { zone: 'America/New_York', instant: '2027-01-01T04:59:00Z', clock: [2026, 12, 31, 23, 59, 0] },
    { zone: 'Asia/Kolkata', instant: '2027-06-01T18:30:00Z', clock: [2027, 6, 2, 0, 0, 0] },
  ])('given $zone at $instant, then its wall clock reads $clock', ({ zone, instant, clock }) => {
    const [year, month, day, hour, minute, second] = clock;
    expect(wallClockAt(Date.parse(instant), zone)).toEqual({ year, month, day, hour, minute, second });
  });

  it.each([
    { zone: 'Europe/Berlin', known: true },
    { zone: 'Europe/Atlantis', known: false },
  ])('given $zone, then known is $known', ({ zone, known }) => {
    expect(isKnownTimeZone(zone)).toBe(known);
  });

  it('given one format, then each zone gets its own formatter, built once', () => {
    const format = formatPerZone('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(format('Asia/Tokyo')).toBe(format('Asia/Tokyo'));
    expect(format('Asia/Tokyo').format(Date.parse('2027-01-01T00:00:00Z'))).toBe('09:00');
    expect(format('UTC').format(Date.parse('2027-01-01T00:00:00Z'))).toBe('00:00');
  });
});

describe('calendar dates', () => {
  it.each([
    { date: '2027-01-04', isoWeekday: 1, weekStart: '2027-01-04' },
    { date: '2027-01-10', isoWeekday: 7, weekStart: '2027-01-04' },
    { date: '2027-01-01', isoWeekday: 5, weekStart: '2026-12-28' },
  ])(
    'given $date, then it is ISO weekday $isoWeekday of the week from $weekStart',
    ({ date, isoWeekday, weekStart }) => {
      expect(isoWeekdayOf(date)).toBe(isoWeekday);
      expect(weekStartOf(date)).toBe(weekStart);
    },
  );

  it('counts days across months, years and leap days, and writes a clock as a date', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(dateOf({ year: 2027, month: 3, day: 9 })).toBe('2027-03-09');
  });
});
