import type { ScheduleHistory } from './schedule-wire.types';

/**
 * What scheduling publishes of each schedule for other services' local copies (ADR 0120, ADR 0140): enough
 * of its history for the scheduling engine to answer who is on call at any instant from a little before
 * the publication on, on `oncall.state.scheduling.schedule.<id>`.
 */
export const SCHEDULING_STATE_CONTEXT = 'scheduling';
export const SCHEDULE_STATE_RESOURCE = 'schedule';

export interface ScheduleState {
  scheduleId: string;
  orgId: string;
  name: string;
  teamId: string | null;
  /** The revisions in force from a day before publication on, and the overrides not over by then. */
  history: ScheduleHistory;
}
