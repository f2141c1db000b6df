export type {
  CoverageGap,
  Instant,
  InstantInput,
  IsoDayOfWeek,
  Layer,
  LayerShift,
  LocalDateTime,
  OnCallAssignment,
  Override,
  Restriction,
  Rotation,
  Schedule,
  Shift,
  ShiftSource,
  TimeOfDay,
  TimeWindow,
} from './schedule.types';
export { resolveLocalDateTime, localDateTimeAt } from './local-time';
export { renderLayer } from './layer-render';
export { renderFinalSchedule, userShifts } from './final-schedule';
export { whoIsOnCall } from './who-is-on-call';
export { findCoverageGaps } from './coverage-gaps';
export { freezePast } from './frozen-past';
export {
  afterHours,
  businessHours,
  dailyWindow,
  weeklyWindow,
  type WeeklyMoment,
} from './restriction-presets';
export {
  assertValidSchedule,
  InvalidScheduleError,
  validateSchedule,
  type ScheduleProblem,
} from './validate-schedule';
export { isKnownTimeZone } from './zone-offsets';
export {
  coverageGapsInHistory,
  renderScheduleHistory,
  revisionAt,
  whoIsOnCallInHistory,
  type ScheduleHistory,
  type ScheduleRevision,
} from './schedule-history';
export {
  technicianMayCreateOverride,
  type OverrideDecision,
  type ProposedOverride,
} from './override-permission';
export { lastScheduledScan } from './gap-scan-timing';
