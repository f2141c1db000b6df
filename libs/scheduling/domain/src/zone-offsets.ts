import { wallClockAt } from '@oncall/shared-time';
import { DAY_MS } from './instant';

// The zone check is the shared clock's; scheduling's callers keep reading it from here.
export { isKnownTimeZone } from '@oncall/shared-time';

/**
 * UTC offsets of IANA zones, answered from a per-zone table of UTC days.
 *
 * Reading a zone's wall clock costs microseconds (formatToParts, even with the shared clock's one
 * formatter per zone), so each UTC day is examined once: its offset at midnight, at the next midnight
 * and, when they differ, the exact transition instant (binary search to the second).
 * Assumes a zone changes its offset at most once per UTC day, true of every tzdb zone since 1970.
 */
interface ZoneDay {
  readonly offsetAtStart: number;
  readonly transitionAt: number;
  readonly offsetAfterTransition: number;
}

// Bounds memory in a long-running service; a table is cheap to rebuild.
const MAX_DAYS_PER_ZONE = 20_000;

const dayTables = new Map<string, Map<number, ZoneDay>>();

/** Offset in ms to add to a UTC instant to read the zone's wall clock. */
export function offsetAt(timeZone: string, epochMs: number): number {
  const zoneDay = zoneDayAt(timeZone, Math.floor(epochMs / DAY_MS));
  return epochMs < zoneDay.transitionAt ? zoneDay.offsetAtStart : zoneDay.offsetAfterTransition;
}

/** The instant in (after, atOrBefore] where the zone's offset changes, if any. */
export function transitionWithin(timeZone: string, after: number, atOrBefore: number): number | undefined {
  for (let day = Math.floor(after / DAY_MS); day <= Math.floor(atOrBefore / DAY_MS); day++) {
    const { transitionAt } = zoneDayAt(timeZone, day);
    if (transitionAt > after && transitionAt <= atOrBefore) return transitionAt;
  }
  return undefined;
}

function zoneDayAt(timeZone: string, day: number): ZoneDay {
  let table = dayTables.get(timeZone);
  if (!table || table.size > MAX_DAYS_PER_ZONE) {
    table = new Map();
    dayTables.set(timeZone, table);
  }
  let zoneDay = table.get(day);
  if (!zoneDay) {
    zoneDay = examineDay(timeZone, day);
    table.set(day, zoneDay);
  }
  return zoneDay;
}

function examineDay(timeZone: string, day: number): ZoneDay {
  const dayStart = day * DAY_MS;
  const offsetAtStart = measureOffset(timeZone, dayStart);
  const offsetAtEnd = measureOffset(timeZone, dayStart + DAY_MS);
  if (offsetAtStart === offsetAtEnd) {
    return { offsetAtStart, transitionAt: Infinity, offsetAfterTransition: offsetAtStart };
  }
  let unchangedSecond = dayStart / 1000;
  let changedSecond = (dayStart + DAY_MS) / 1000;
  while (changedSecond - unchangedSecond > 1) {
    const middle = Math.floor((unchangedSecond + changedSecond) / 2);
    if (measureOffset(timeZone, middle * 1000) === offsetAtStart) unchangedSecond = middle;
    else changedSecond = middle;
  }
  const transitionAt = changedSecond * 1000;
  return { offsetAtStart, transitionAt, offsetAfterTransition: measureOffset(timeZone, transitionAt) };
}

function measureOffset(timeZone: string, epochMs: number): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const clock = wallClockAt(wholeSecond, timeZone);
  const wallClock = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return wallClock - wholeSecond;
}
