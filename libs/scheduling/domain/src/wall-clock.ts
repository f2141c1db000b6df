import { DAY_MS, MINUTE_MS } from './instant';
import type { IsoDayOfWeek, LocalDateTime, TimeOfDay } from './schedule.types';

/**
 * A local date-time as a number: the wall-clock reading written as if it were UTC.
 * Adding N * DAY_MS moves N calendar days on the wall clock, whatever DST does.
 */
export type WallClockMs = number;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseLocalDateTime(value: LocalDateTime): WallClockMs {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) throw new RangeError(`Not a local date-time 'YYYY-MM-DDTHH:mm': "${value}"`);
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (formatLocalDateTime(wall).slice(0, 16) !== value.slice(0, 16) || second > 59) {
    throw new RangeError(`Not a calendar date-time: "${value}"`);
  }
  return wall;
}

export function formatLocalDateTime(wall: WallClockMs): LocalDateTime {
  const iso = new Date(wall).toISOString();
  const seconds = iso.slice(16, 19);
  return seconds === ':00' ? iso.slice(0, 16) : iso.slice(0, 19);
}

export function isLocalDateTime(value: unknown): value is LocalDateTime {
  if (typeof value !== 'string') return false;
  try {
    parseLocalDateTime(value);
    return true;
  } catch {
    return false;
  }
}

/** Minutes after local midnight. */
export function parseTimeOfDay(value: TimeOfDay): number {
  const match = TIME_OF_DAY.exec(value);
  if (!match) throw new RangeError(`Not a time of day 'HH:mm': "${value}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isTimeOfDay(value: unknown): value is TimeOfDay {
  return typeof value === 'string' && TIME_OF_DAY.test(value);
}

/** The wall-clock day containing `wall`, as a day number (0 = 1970-01-01). */
export function wallClockDay(wall: WallClockMs): number {
  return Math.floor(wall / DAY_MS);
}

export function isoDayOfWeek(day: number): IsoDayOfWeek {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  return (floorMod(day + 3, 7) + 1) as IsoDayOfWeek;
}

export function wallClockAtDay(day: number, minutesAfterMidnight: number): WallClockMs {
  return day * DAY_MS + minutesAfterMidnight * MINUTE_MS;
}

/** Modulo whose result has the sign of the divisor, so turn -1 of 3 users is user 2. */
export function floorMod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
