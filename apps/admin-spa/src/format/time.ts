/**
 * Date and time in the viewer's time zone (their profile's, else the browser's), with the zone, e.g.
 * "12 Mar 2026, 14:05 CET" (seconds too when asked: timelines happen fast).
 */
export function formatDateTime(
  iso: string | null,
  timeZone?: string,
  locale?: string,
  { seconds = false } = {},
): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, timeZone, seconds).format(date);
}

/** "just now", "5 min ago", "3 h ago", "2 d ago"; "in 5 min" for the future. */
export function formatRelative(iso: string | null, now: Date = new Date()): string {
  if (!iso) return '';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  const [amount, unit] =
    abs < 3600
      ? [Math.round(abs / 60), 'min']
      : abs < 86_400
        ? [Math.round(abs / 3600), 'h']
        : [Math.round(abs / 86_400), 'd'];
  return seconds < 0 ? `${amount} ${unit} ago` : `in ${amount} ${unit}`;
}

/** The browser's own zone, used until the profile's is known. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A time zone Intl accepts; an unknown one falls back to the browser's. */
export function usableTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string | undefined,
  timeZone: string | undefined,
  seconds: boolean,
): Intl.DateTimeFormat {
  const zone = usableTimeZone(timeZone);
  const key = `${locale ?? ''}|${zone ?? ''}|${seconds}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' as const } : {}),
      timeZone: zone,
      timeZoneName: 'short',
    });
    formatters.set(key, found);
  }
  return found;
}
