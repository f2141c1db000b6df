export type {
  AcknowledgementRecord,
  Counts,
  DurationStats,
  IncidentRecord,
  Instant,
  PageRecord,
  ReportWindow,
  ShiftRecord,
} from './report.types';
export { REPORT_SEVERITIES } from './report.types';
export { durationStats, percentile, secondsBetween } from './duration-stats';
export { matchesFilter, type IncidentFilter } from './incident-filter';
export { countBy, incidentReport, NONE, share, type IncidentReport } from './incident-report';
export { incidentTrend, type TrendBucket, type TrendPoint } from './trend';
export { burdenOf, coveredMs, type BurdenInput, type PersonBurden, type Technician } from './burden';
export { burdenSpread, type BurdenSpread } from './burden-spread';
export {
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_SLEEP_HOURS,
  duringBusinessHours,
  duringSleepHours,
  type BusinessHours,
  type SleepHours,
} from './working-hours';
export { zonedParts, type ZonedParts } from './zoned-time';
// Calendar arithmetic the reporting readers bucket by; its home is the shared zone clock (ADR 0220).
export { addDays, isoWeekdayOf, weekStartOf } from '@oncall/shared-time';
