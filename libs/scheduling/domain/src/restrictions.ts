import { MINUTE_MS } from './instant';
import { type Span, unionOfSpans } from './intervals';
import { resolveWallClock, wallClockAt } from './local-time';
import type { Restriction } from './schedule.types';
import { floorMod, isoDayOfWeek, parseTimeOfDay, wallClockAtDay, wallClockDay } from './wall-clock';

/** A restriction with its wall-clock fields parsed once. */
export interface PreparedRestriction {
  /** Only windows starting on this ISO weekday; undefined = every day. */
  readonly dayOfWeek?: number;
  readonly startMinutes: number;
  readonly durationMinutes: number;
}

export function prepareRestriction(restriction: Restriction): PreparedRestriction {
  return {
    dayOfWeek: restriction.kind === 'weekly' ? restriction.startDayOfWeek : undefined,
    startMinutes: parseTimeOfDay(restriction.startTime),
    durationMinutes: restriction.durationMinutes,
  };
}

/**
 * Rule 5: the windows [local start, local start + wall-clock span) of all restrictions that meet
 * [from, to), clipped to it, unioned and sorted. Both ends are resolved with rule 6.
 */
export function restrictionWindows(
  restrictions: readonly PreparedRestriction[],
  timeZone: string,
  from: number,
  to: number,
): Span[] {
  const windows: Span[] = [];
  for (const restriction of restrictions) collectWindows(restriction, timeZone, from, to, windows);
  return unionOfSpans(windows);
}

/** Whether an instant lies inside one of the restriction windows. */
export function isInsideRestrictions(
  restrictions: readonly PreparedRestriction[],
  timeZone: string,
  epochMs: number,
): boolean {
  const windows: Span[] = [];
  for (const restriction of restrictions) {
    collectWindows(restriction, timeZone, epochMs, epochMs + 1, windows);
    if (windows.length > 0) return true;
  }
  return false;
}

function collectWindows(
  restriction: PreparedRestriction,
  timeZone: string,
  from: number,
  to: number,
  into: Span[],
): void {
  const { dayOfWeek, startMinutes, durationMinutes } = restriction;
  // A window whose wall-clock end is not after the reading at `from` ended by `from` (rule 6 never resolves
  // a reading the clock has already shown to a later instant), so earlier days are skipped, one spare kept.
  // The spare day at the end covers a repeated hour, where the reading at `to` is behind.
  const reach = (startMinutes + durationMinutes) * MINUTE_MS;
  const earliestDay = wallClockDay(wallClockAt(timeZone, from) - reach);
  const latestDay = wallClockDay(wallClockAt(timeZone, to)) + 1;
  const step = dayOfWeek === undefined ? 1 : 7;
  const firstDay =
    dayOfWeek === undefined ? earliestDay : earliestDay + floorMod(dayOfWeek - isoDayOfWeek(earliestDay), 7);
  for (let day = firstDay; day <= latestDay; day += step) {
    const wallStart = wallClockAtDay(day, startMinutes);
    const start = resolveWallClock(timeZone, wallStart);
    if (start >= to) break;
    const end = resolveWallClock(timeZone, wallStart + durationMinutes * MINUTE_MS);
    if (end > from && end > start) into.push({ start: Math.max(start, from), end: Math.min(end, to) });
  }
}
