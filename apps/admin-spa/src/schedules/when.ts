import { localDateTimeAt, resolveLocalDateTime } from '@oncall/scheduling-domain';

const formats = new Map<string, Intl.DateTimeFormat>();

/** "Mon 7 Dec, 09:00" in a zone: short enough for a calendar label or a table cell. */
export function shortWhen(iso: string, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

const DAY_MS = 86_400_000;

/** The Monday (YYYY-MM-DD) of the week `instant` falls in, in a zone. */
export function mondayOf(instant: Date, timeZone: string): string {
  const day = localDateTimeAt(instant, timeZone).slice(0, 10);
  const midnight = Date.parse(`${day}T00:00:00Z`);
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** [from, to) of the week starting on `monday`, midnight to midnight in a zone. */
export function weekWindow(monday: string, timeZone: string): { from: string; to: string } {
  return {
    from: resolveLocalDateTime(`${monday}T00:00`, timeZone).toISOString(),
    to: resolveLocalDateTime(`${addDays(monday, 7)}T00:00`, timeZone).toISOString(),
  };
}
