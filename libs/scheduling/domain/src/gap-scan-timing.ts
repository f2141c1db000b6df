import { DAY_MS, toInstant } from './instant';
import type { Instant } from './schedule.types';

/**
 * The most recent daily scan time at or before `now` (`hourUtc`:00 UTC) and the day it belongs to. A
 * service that was down at that hour finds on start that this occurrence has no recorded run, and makes
 * it up.
 */
export function lastScheduledScan(now: Date, hourUtc: number): { day: string; at: Instant } {
  const todayAt = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc);
  const at = todayAt <= now.getTime() ? todayAt : todayAt - DAY_MS;
  return { day: toInstant(at).slice(0, 10), at: toInstant(at) };
}
