export {
  naiveWithinWeeklyHours,
  QUARTER_MS,
  quarterHoursOf,
  weeklyHoursArbitrary,
  type WeeklyHours,
} from './weekly-hours-model';
