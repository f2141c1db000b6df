import { isText } from '@oncall/shared-text';

/**
 * The storable-text rules (no NUL, no unpaired surrogate; non-blank and at most `maxLength` UTF-16 code
 * units) are the incident domain's own, from `@oncall/shared-text`: a mapper never accepts an alert that
 * would be refused, and lost, after the 202.
 */
export { isStorableText, isText } from '@oncall/shared-text';

export function textProblem(maxLength: number): string {
  return `must be non-blank text of at most ${maxLength} characters, without NUL or unpaired surrogates`;
}

/** Cuts text to `maxLength` code units without splitting a surrogate pair, marking the cut with "…". */
export function truncateText(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value;
  let end = maxLength - 1;
  if (/[\uD800-\uDBFF]/.test(value[end - 1] ?? '')) end--;
  return `${value.slice(0, end)}…`;
}

// Date and time, optional seconds and any fraction (Go writes nanoseconds), and an offset: `Z`, `±hh:mm`
// or `±hhmm` (PagerDuty's own examples use `+0000`).
const OFFSET_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

export const INSTANT_PROBLEM =
  'must be an ISO-8601 date and time with an offset, like 2027-01-01T12:00:00Z or 2027-01-01T14:00:00+02:00';

/** The UTC instant (`…T…:…:….mmmZ`) an ISO-8601 date-time with an explicit offset denotes; null if none. */
export function parseInstant(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = OFFSET_INSTANT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const millis = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const sign = match[8] === '-' ? -1 : 1;
  const [offsetHours, offsetMinutes] = [Number(match[9] ?? 0), Number(match[10] ?? 0)];
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const fieldsExist = new Date(local).getUTCDate() === day && new Date(local).getUTCMonth() === month - 1;
  if (!fieldsExist || hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59)
    return null;
  const epochMs = local - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  // Year 0 and the far future are valid ISO but not instants anyone alerts about.
  if (year < 1970 || epochMs > Date.UTC(9999, 0, 1)) return null;
  return new Date(epochMs).toISOString();
}

export const URL_MAX_LENGTH = 2048;

/** An absolute http(s) URL (https only when asked): links shown to people and opened by them. */
export function isWebUrl(value: unknown, httpsOnly = false): value is string {
  if (!isText(value, URL_MAX_LENGTH)) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || (!httpsOnly && protocol === 'http:');
  } catch {
    return false;
  }
}
