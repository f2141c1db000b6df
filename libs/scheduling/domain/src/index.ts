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
export { DAY_MS, isInstant } from './instant';
export { resolveLocalDateTime, localDateTimeAt } from './local-time';
export { renderLayer } from './layer-render';
export { renderFinalSchedule } from './final-schedule';
export { whoIsOnCall } from './who-is-on-call';
export { findCoverageGaps } from './coverage-gaps';
export {
  afterHours,
  businessHours,
  dailyWindow,
  weeklyWindow,
  type WeeklyMoment,
} from './restriction-presets';
export { validateSchedule, type ScheduleProblem } from './validate-schedule';
export {
  coverageGapsInHistory,
  renderScheduleHistory,
  whoIsOnCallInHistory,
  type ScheduleHistory,
  type ScheduleRevision,
} from './schedule-history';
export { ON_CALL_HORIZON_MS, onCallSummary, type OnCallSummary } from './on-call-summary';
export { reconcileGaps, type GapReconciliation, type StoredGap } from './gap-reconciliation';
export { sameLayers } from './layer-equality';
export {
  mayCreateOverride,
  mayRemoveOverride,
  participantsAt,
  type OverrideActor,
  type OverrideDecision,
  type ProposedOverride,
} from './override-permission';
export { lastScheduledScan } from './gap-scan-timing';
