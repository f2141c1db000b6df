import { localDateTimeAt, resolveLocalDateTime } from '@oncall/scheduling-domain';
import { addDays, formatPerZone, weekStartOf } from '@oncall/shared-time';

export { addDays };

const shortWhenFormat = formatPerZone('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "Mon 7 Dec, 09:00" in a zone: short enough for a calendar label or a table cell. */
export function shortWhen(iso: string, timeZone: string): string {
  return shortWhenFormat(timeZone).format(new Date(iso));
}

/** The Monday (YYYY-MM-DD) of the week `instant` falls in, in a zone. */
export function mondayOf(instant: Date, timeZone: string): string {
  return weekStartOf(localDateTimeAt(instant, timeZone).slice(0, 10));
}

/** [from, to) of the week starting on `monday`, midnight to midnight in a zone. */
export function weekWindow(monday: string, timeZone: string): { from: string; to: string } {
  return {
    from: resolveLocalDateTime(`${monday}T00:00`, timeZone).toISOString(),
    to: resolveLocalDateTime(`${addDays(monday, 7)}T00:00`, timeZone).toISOString(),
  };
}
