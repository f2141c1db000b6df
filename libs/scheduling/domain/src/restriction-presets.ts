import type { IsoDayOfWeek, Restriction, TimeOfDay } from './schedule.types';
import { floorMod, parseTimeOfDay } from './wall-clock';

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const WEEKDAYS: readonly IsoDayOfWeek[] = [1, 2, 3, 4, 5];

export interface WeeklyMoment {
  readonly dayOfWeek: IsoDayOfWeek;
  readonly time: TimeOfDay;
}

/** Every day from `startTime` until the next `endTime` (overnight when end ≤ start; equal = 24 h). */
export function dailyWindow(startTime: TimeOfDay, endTime: TimeOfDay): Restriction {
  const span = floorMod(parseTimeOfDay(endTime) - parseTimeOfDay(startTime), MINUTES_PER_DAY);
  return { kind: 'daily', startTime, durationMinutes: span === 0 ? MINUTES_PER_DAY : span };
}

/** Every week from one weekday and time until the next occurrence of another (equal = a whole week). */
export function weeklyWindow(from: WeeklyMoment, until: WeeklyMoment): Restriction {
  const span = floorMod(minuteOfWeek(until) - minuteOfWeek(from), MINUTES_PER_WEEK);
  return {
    kind: 'weekly',
    startDayOfWeek: from.dayOfWeek,
    startTime: from.time,
    durationMinutes: span === 0 ? MINUTES_PER_WEEK : span,
  };
}

/** Monday to Friday from `startTime` to `endTime` the same day. */
export function businessHours(startTime: TimeOfDay, endTime: TimeOfDay): Restriction[] {
  return WEEKDAYS.map((dayOfWeek) =>
    weeklyWindow({ dayOfWeek, time: startTime }, { dayOfWeek, time: endTime }),
  );
}

/**
 * "Weekdays `eveningStart`–`morningEnd` and weekends all day": Monday–Thursday evening until the next
 * morning, and Friday evening until Monday morning.
 */
export function afterHours(eveningStart: TimeOfDay, morningEnd: TimeOfDay): Restriction[] {
  return WEEKDAYS.map((dayOfWeek) => {
    const nextWorkday = dayOfWeek === 5 ? 1 : ((dayOfWeek + 1) as IsoDayOfWeek);
    return weeklyWindow({ dayOfWeek, time: eveningStart }, { dayOfWeek: nextWorkday, time: morningEnd });
  });
}

function minuteOfWeek({ dayOfWeek, time }: WeeklyMoment): number {
  return (dayOfWeek - 1) * MINUTES_PER_DAY + parseTimeOfDay(time);
}
