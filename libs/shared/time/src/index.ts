export { addDays, dateOf, isoWeekdayOf, weekStartOf } from './calendar-date';
export { formatPerZone, isKnownTimeZone, wallClockAt, type WallClock } from './zone-clock';
