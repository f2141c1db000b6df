import { DAY_MS, toEpochMs } from './instant';
import type { InstantInput, LocalDateTime } from './schedule.types';
import { formatLocalDateTime, parseLocalDateTime, type WallClockMs } from './wall-clock';
import { offsetAt, transitionWithin } from './zone-offsets';

/** The zone's wall-clock reading at an instant. */
export function wallClockAt(timeZone: string, epochMs: number): WallClockMs {
  return epochMs + offsetAt(timeZone, epochMs);
}

/**
 * Rule 6: the instant a wall-clock reading denotes in a zone. A reading skipped by a spring-forward
 * gap maps to the transition instant; a reading repeated by a fall-back maps to its first occurrence.
 * Equivalently: the earliest instant at which the zone's clock reads `wall` or later.
 * Assumes at most one offset change within a day either side of `wall`.
 */
export function resolveWallClock(timeZone: string, wall: WallClockMs): number {
  const offsetBefore = offsetAt(timeZone, wall - DAY_MS);
  const offsetAfter = offsetAt(timeZone, wall + DAY_MS);
  const withOffsetBefore = wall - offsetBefore;
  const withOffsetAfter = wall - offsetAfter;
  const beforeIsReal = offsetAt(timeZone, withOffsetBefore) === offsetBefore;
  const afterIsReal = offsetAt(timeZone, withOffsetAfter) === offsetAfter;
  if (beforeIsReal && afterIsReal) return Math.min(withOffsetBefore, withOffsetAfter);
  if (beforeIsReal) return withOffsetBefore;
  if (afterIsReal) return withOffsetAfter;
  return skippedReadingToTransition(timeZone, wall, withOffsetAfter, withOffsetBefore);
}

function skippedReadingToTransition(
  timeZone: string,
  wall: WallClockMs,
  lower: number,
  upper: number,
): number {
  const transition = transitionWithin(timeZone, lower, upper);
  if (transition === undefined) {
    throw new RangeError(`Cannot resolve ${formatLocalDateTime(wall)} in ${timeZone}`);
  }
  return transition;
}

/** Rule 6 applied to a 'YYYY-MM-DDTHH:mm' reading in an IANA zone. */
export function resolveLocalDateTime(localDateTime: LocalDateTime, timeZone: string): Date {
  return new Date(resolveWallClock(timeZone, parseLocalDateTime(localDateTime)));
}

/**
 * The local date-time an instant shows in a zone, e.g. to build a layer's handoff anchor from a UTC
 * instant. The second occurrence of a repeated reading does not round-trip (rule 6 picks the first).
 */
export function localDateTimeAt(instant: InstantInput, timeZone: string): LocalDateTime {
  return formatLocalDateTime(wallClockAt(timeZone, toEpochMs(instant)));
}
