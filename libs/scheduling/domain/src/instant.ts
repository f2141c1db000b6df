import type { Instant, InstantInput } from './schedule.types';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// An explicit offset is required: Date.parse would read a bare date-time in the host's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isInstant(value: unknown): value is Instant {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch; throws a RangeError for anything that is not an unambiguous instant. */
export function toEpochMs(input: InstantInput): number {
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
    return ms;
  }
  if (!isInstant(input)) throw new RangeError(`Not an ISO-8601 instant with an offset: "${input}"`);
  return Date.parse(input);
}

export function toInstant(epochMs: number): Instant {
  return new Date(epochMs).toISOString();
}
