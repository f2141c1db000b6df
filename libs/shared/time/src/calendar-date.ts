/**
 * Arithmetic on local dates (`YYYY-MM-DD`): calendar days, no zone involved. A date is read as the
 * UTC midnight of that day only to let `Date` count the days.
 */

/** ISO day of week of `date`: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The local date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** Monday of the ISO week holding `date`. */
export function weekStartOf(date: string): string {
  return addDays(date, 1 - isoWeekdayOf(date));
}

/** The local date a wall clock shows, `YYYY-MM-DD`. */
export function dateOf(clock: {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(clock.year, 4)}-${pad(clock.month, 2)}-${pad(clock.day, 2)}`;
}
