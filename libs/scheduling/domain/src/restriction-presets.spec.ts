import { findCoverageGaps } from './coverage-gaps';
import { afterHours, businessHours, dailyWindow, weeklyWindow } from './restriction-presets';
import { aLayer, aSchedule, utc } from './test-support/schedule-builders';

describe('restriction presets', () => {
  it.each([
    { start: '09:00', end: '17:00', expected: { kind: 'daily', startTime: '09:00', durationMinutes: 480 } },
    { start: '22:00', end: '06:00', expected: { kind: 'daily', startTime: '22:00', durationMinutes: 480 } },
    { start: '08:00', end: '08:00', expected: { kind: 'daily', startTime: '08:00', durationMinutes: 1440 } },
  ])('given daily $start–$end, then $expected', ({ start, end, expected }) => {
    expect(dailyWindow(start, end)).toEqual(expected);
  });

  it('given Friday 18:00 until Monday 08:00, then the window wraps the weekend: 62 hours', () => {
    expect(weeklyWindow({ dayOfWeek: 5, time: '18:00' }, { dayOfWeek: 1, time: '08:00' })).toEqual({
      kind: 'weekly',
      startDayOfWeek: 5,
      startTime: '18:00',
      durationMinutes: 62 * 60,
    });
  });

  it('given business hours 09:00–17:00, then Monday to Friday get an 8-hour window', () => {
    expect(businessHours('09:00', '17:00').map((r) => r.kind === 'weekly' && [r.startDayOfWeek, r.durationMinutes])).toEqual([
      [1, 480], [2, 480], [3, 480], [4, 480], [5, 480],
    ]);
  }); // prettier-ignore

  // 2027-05-07 is a Friday: after-hours plus business hours must cover the whole week with nothing twice.
  it('given after-hours 18:00–08:00, then weeknights and the whole weekend are covered and weekdays 08:00–18:00 are not', () => {
    const schedule = aSchedule('UTC', [aLayer({ restrictions: afterHours('18:00', '08:00') })]);
    const gaps = findCoverageGaps(schedule, { start: '2027-05-03T00:00Z', end: '2027-05-10T00:00Z' });
    const weekdays = ['03', '04', '05', '06', '07'];
    expect(gaps).toEqual(weekdays.map((day) => ({ start: utc(`2027-05-${day}T08:00Z`), end: utc(`2027-05-${day}T18:00Z`) })));
  }); // prettier-ignore
});
