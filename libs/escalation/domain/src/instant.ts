/** ISO-8601 UTC instant, e.g. '2024-05-01T02:00:00.000Z'. Always supplied by the caller, never read from a clock. */
export type Instant = string;

/** `at` plus whole seconds, as an ISO-8601 UTC instant. */
export function addSeconds(at: Instant, seconds: number): Instant {
  return new Date(Date.parse(at) + seconds * 1000).toISOString();
}

export function addMinutes(at: Instant, minutes: number): Instant {
  return addSeconds(at, minutes * 60);
}

/** Whether `a` is later than `b` (compared as instants, whatever their ISO-8601 spelling). */
export function isLater(a: Instant, b: Instant): boolean {
  return Date.parse(a) > Date.parse(b);
}
