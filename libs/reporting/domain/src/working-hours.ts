import type { ZonedParts } from './zoned-time';

/** Business hours: local [startHour, endHour) on the given ISO weekdays. */
export interface BusinessHours {
  readonly isoWeekdays: readonly number[];
  readonly startHour: number;
  readonly endHour: number;
}

/** Sleep hours: local [startHour, 24) ∪ [0, endHour). */
export interface SleepHours {
  readonly startHour: number;
  readonly endHour: number;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  isoWeekdays: [1, 2, 3, 4, 5],
  startHour: 9,
  endHour: 17,
};
export const DEFAULT_SLEEP_HOURS: SleepHours = { startHour: 22, endHour: 7 };

export function duringBusinessHours(local: ZonedParts, hours: BusinessHours): boolean {
  return (
    hours.isoWeekdays.includes(local.isoWeekday) &&
    local.hour >= hours.startHour &&
    local.hour < hours.endHour
  );
}

export function duringSleepHours(local: ZonedParts, hours: SleepHours): boolean {
  return local.hour >= hours.startHour || local.hour < hours.endHour;
}
