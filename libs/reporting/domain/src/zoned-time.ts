import { dateOf, isoWeekdayOf, wallClockAt } from '@oncall/shared-time';

/** A wall-clock reading in a zone, with the ISO day of week (1 = Monday … 7 = Sunday). */
export interface ZonedParts {
  readonly date: string;
  readonly hour: number;
  readonly minute: number;
  readonly isoWeekday: number;
}

/** What a clock in `timeZone` shows at the instant: the zone's rules decide, so DST is always right. */
export function zonedParts(epochMs: number, timeZone: string): ZonedParts {
  const clock = wallClockAt(epochMs, timeZone);
  const date = dateOf(clock);
  return { date, hour: clock.hour, minute: clock.minute, isoWeekday: isoWeekdayOf(date) };
}
