import type { Restriction, Rotation, Shift } from './schedule-wire.types';

/** Who asks, as admin-api verified it; scheduling applies the technician rules with it. */
export interface SchedulingActor {
  userId: string;
  name: string;
  role: 'manager' | 'technician' | 'owner';
}

/** A layer as managers write it; `id` keeps a layer's identity across edits. */
export interface LayerDefinition {
  id?: string;
  name: string;
  timeZone?: string;
  participants: string[];
  rotation: Rotation;
  /** Local date-time of the first handoff in the layer's zone, e.g. '2027-03-01T09:00'. */
  handoffAnchor: string;
  start: string;
  end?: string | null;
  restrictions: Restriction[];
}

export interface ScheduleDefinition {
  name: string;
  description?: string;
  timeZone: string;
  teamId?: string | null;
  /** Lowest precedence first: a later layer wins where it has someone. */
  layers: LayerDefinition[];
}

export interface LayerView extends Required<Omit<LayerDefinition, 'timeZone' | 'end'>> {
  id: string;
  timeZone: string | null;
  end: string | null;
}

export interface ScheduleView {
  id: string;
  orgId: string;
  name: string;
  description: string;
  timeZone: string;
  teamId: string | null;
  /** The layers in force now and in the future (edits end the old version of a layer at the edit). */
  layers: LayerView[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OverrideView {
  id: string;
  scheduleId: string;
  userId: string;
  start: string;
  end: string;
  reason: string;
  createdBy: string;
  createdAt: string;
}

export type ShiftView = Shift;

export interface CoverageGapView {
  scheduleId: string;
  scheduleName: string;
  start: string;
  end: string;
  detectedAt: string;
}

export interface OnCallNowEntry {
  scheduleId: string;
  scheduleName: string;
  timeZone: string;
  /** Null when nobody is on call right now (a gap). */
  onCall: { userId: string; source: Shift['source']; until: string | null } | null;
  next: { userId: string; start: string } | null;
}

/** A service that starts an escalation policy, by id and name. */
export interface PolicyServiceRef {
  serviceId: string;
  name: string;
}

export interface PolicyWithServices {
  policyId: string;
  name: string;
  /** The services whose incidents start this policy. */
  services: PolicyServiceRef[];
}

/**
 * One schedule of admin-api's live view (GET /api/v1/on-call): who is on call, until when, who is next, and
 * what they answer for. admin-api maps an OnCallNowEntry to it; the admin SPA reads it (type-only).
 */
export interface OnCallNowView extends Pick<OnCallNowEntry, 'scheduleId' | 'scheduleName' | 'timeZone'> {
  onCall: (NonNullable<OnCallNowEntry['onCall']> & { name: string | null }) | null;
  next: (NonNullable<OnCallNowEntry['next']> & { name: string | null }) | null;
  /** The policies paging the schedule; null when the escalation service could not be asked. */
  policies: PolicyWithServices[] | null;
  policiesKnown: boolean;
}

export interface CreateOverrideRequest {
  scheduleId: string;
  userId: string;
  start: string;
  end: string;
  reason?: string;
}

export interface ListSchedulesRequest {
  cursor?: string;
  limit?: number;
}

export interface SchedulePage {
  items: ScheduleView[];
  nextCursor: string | null;
}

export interface ScheduleIdRequest {
  scheduleId: string;
}

export interface WindowRequest {
  from: string;
  to: string;
}

/** `oncall.qry.scheduling.who`: who is on call in a schedule at an instant (escalation asks). */
export interface WhoIsOnCallRequest {
  scheduleId: string;
  at: string;
}

export interface WhoIsOnCallAnswer {
  scheduleId: string;
  at: string;
  userId: string | null;
}

/** Published on `oncall.evt.scheduling.coverage-gap-detected.v1` for each gap a scan finds that was not known. */
export interface CoverageGapDetected {
  scheduleId: string;
  scheduleName: string;
  start: string;
  end: string;
  affectedServices: { serviceId: string; name: string }[];
  /** False when the escalation or directory service could not be asked; the list is then empty. */
  affectedServicesKnown: boolean;
}

export const COVERAGE_GAP_DETECTED = 'CoverageGapDetected';

/** Answer of Queries.scheduling.calendarFeed: the feed, and whose it is (admin-api checks the account). */
export interface CalendarFeedAnswer {
  ics: string;
  orgId: string;
  userId: string;
}
