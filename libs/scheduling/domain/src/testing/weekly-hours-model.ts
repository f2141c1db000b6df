import fc from 'fast-check';

/**
 * A naive model of weekly hours (support hours, weekly maintenance): every week on `days` (ISO weekdays,
 * the day a window starts) from `start` to `end` ('HH:mm') on the clock of `timeZone`; an `end` at or
 * before `start` runs past midnight into the next day. The model reads the zone's wall clock through Intl
 * and compares it with the text, so it shares no code with the rules it checks. It knows nothing of DST
 * gaps and repeats: the arbitraries keep start and end out of the hours where DST skips or repeats readings.
 */
export interface WeeklyHours {
  timeZone: string;
  days: readonly number[];
  start: string;
  end: string;
}

export const QUARTER_MS = 15 * 60_000;

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string, epochMs: number): { weekday: number; time: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    const options = {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    } as const;
    format = new Intl.DateTimeFormat('en-US', options);
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(epochMs).map((part) => [part.type, part.value]));
  return { weekday: WEEKDAYS[parts.weekday], time: `${parts.hour}:${parts.minute}` };
}

/** Whether the wall clock of `hours.timeZone` at `epochMs` reads inside the hours. */
export function naiveWithinWeeklyHours(hours: WeeklyHours, epochMs: number): boolean {
  const { weekday, time } = wallClock(hours.timeZone, epochMs);
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  if (hours.start < hours.end) return hours.days.includes(weekday) && hours.start <= time && time < hours.end;
  return (
    (hours.days.includes(weekday) && time >= hours.start) ||
    (hours.days.includes(yesterday) && time < hours.end)
  );
}

/**
 * Weekly hours in three zones with both hemispheres' DST, starting and ending on the given whole hours
 * (pick them clear of the DST changes), never empty (`start` ≠ `end`).
 */
export function weeklyHoursArbitrary(wholeHours: number[]): fc.Arbitrary<WeeklyHours & { days: number[] }> {
  const hour = fc.constantFrom(...wholeHours).map((h) => `${String(h).padStart(2, '0')}:00`);
  return fc
    .record({
      timeZone: fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Australia/Sydney'),
      days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      start: hour,
      end: hour,
    })
    .filter(({ start, end }) => start !== end);
}

/** Quarter hours through the whole of `year`, which holds both DST changes of each zone. */
export function quarterHoursOf(year: number): fc.Arbitrary<number> {
  const quarters = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / QUARTER_MS;
  return fc.integer({ min: 0, max: quarters }).map((k) => Date.UTC(year, 0, 1) + k * QUARTER_MS);
}
