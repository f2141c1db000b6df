import type { Instant, InstantInput } from './schedule.types';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// An explicit offset is required: Date.parse would read a bare date-time in the host's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An ISO-8601 date-time with an explicit offset that names a real moment. Date.parse quietly rolls
 * impossible readings over (2027-02-30 becomes 2 March, T24:00 the next day), so every field must be one
 * a calendar and a clock can show. (Checked field by field rather than by formatting the instant back and
 * comparing: this runs for every instant the engine prepares, and formatting cost several times the parse.)
 */
export function isInstant(value: unknown): value is Instant {
  return !Number.isNaN(instantMs(value));
}

/** The instant's epoch milliseconds, or NaN when it is not a strict instant. */
function instantMs(value: unknown): number {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return NaN;
  const month = twoDigits(value, 5);
  const second = value[16] === ':' ? twoDigits(value, 17) : 0;
  const offset = value.endsWith('Z')
    ? [0, 0]
    : [twoDigits(value, value.length - 5), twoDigits(value, value.length - 2)];
  const real =
    month >= 1 &&
    month <= 12 &&
    twoDigits(value, 8) >= 1 &&
    twoDigits(value, 8) <= daysInMonth(twoDigits(value, 0) * 100 + twoDigits(value, 2), month) &&
    twoDigits(value, 11) <= 23 &&
    twoDigits(value, 14) <= 59 &&
    second <= 59 &&
    offset[0] <= 23 &&
    offset[1] <= 59;
  return real ? Date.parse(value) : NaN;
}

function twoDigits(value: string, at: number): number {
  return (value.charCodeAt(at) - 48) * 10 + value.charCodeAt(at + 1) - 48;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Milliseconds since the epoch; throws a RangeError for anything that is not an unambiguous instant. */
export function toEpochMs(input: InstantInput): number {
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
    return ms;
  }
  const ms = instantMs(input);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant with an offset: "${input}"`);
  return ms;
}

export function toInstant(epochMs: number): Instant {
  return new Date(epochMs).toISOString();
}
