import type {
  ActionChannel,
  Actor,
  Assignment,
  IncidentAlert,
  Instant,
  Priority,
  ReportedActivity,
  Severity,
  TicketRef,
  UnacknowledgeReason,
} from './incident.types';
import type { IncidentOpening } from './incident.opening';

/** Every event records who caused it and when, and which incident it belongs to. */
interface Stamp {
  readonly incidentId: string;
  readonly by: Actor;
  readonly at: Instant;
}

interface Event<Type extends string, Version extends number, Data> {
  readonly type: Type;
  readonly schemaVersion: Version;
  readonly data: Data & Stamp;
}

export type IncidentTriggered = Event<
  'IncidentTriggered',
  1,
  IncidentOpening & { readonly alert: IncidentAlert }
>;

export type AlertAppended = Event<'AlertAppended', 1, { readonly alert: IncidentAlert }>;

/**
 * Repeats of an open alert, counted in a batch (one event for many repeats): `count` new occurrences of
 * the key, the last of which is described. Pages no one.
 */
export type AlertRepeated = Event<
  'AlertRepeated',
  1,
  {
    readonly dedupKey: string;
    readonly integrationId?: string;
    readonly count: number;
    readonly lastAlertId: string;
    readonly lastSequence: number;
    readonly summary: string;
    readonly severity: Severity;
  }
>;

/**
 * Also cancels a snooze (another user's acknowledge). `via` (optional, additive within v1): where the person
 * acted from, when the command said so.
 */
export type IncidentAcknowledged = Event<'IncidentAcknowledged', 1, { readonly via?: ActionChannel }>;

/** Back to triggered: pages again. 'snooze-ended' is how a snooze ends (no separate event type). */
export type IncidentUnacknowledged = Event<
  'IncidentUnacknowledged',
  1,
  { readonly reason: UnacknowledgeReason }
>;

/** `via` (optional, additive within v1): where the person resolving acted from, when the command said so. */
export type IncidentResolved = Event<
  'IncidentResolved',
  1,
  | { readonly reason: 'manual' | 'source' | 'auto'; readonly mergedInto: null; readonly via?: ActionChannel }
  | { readonly reason: 'merged'; readonly mergedInto: string }
>;

/** Always returns the incident to triggered (cancelling any acknowledgement or snooze) so the new assignee is paged. */
export type IncidentReassigned = Event<
  'IncidentReassigned',
  1,
  { readonly from: Assignment; readonly to: Assignment }
>;

/** Returns the incident to triggered at `toLevel` of its escalation policy. */
export type IncidentEscalated = Event<
  'IncidentEscalated',
  1,
  { readonly escalationPolicyId: string | null; readonly fromLevel: number; readonly toLevel: number }
>;

export type NoteAdded = Event<'NoteAdded', 1, { readonly noteId: string; readonly text: string }>;

export type IncidentPriorityChanged = Event<
  'IncidentPriorityChanged',
  1,
  { readonly from: Priority | null; readonly to: Priority | null }
>;

export type IncidentSeverityChanged = Event<
  'IncidentSeverityChanged',
  1,
  { readonly from: Severity; readonly to: Severity }
>;

export type TicketLinked = Event<'TicketLinked', 1, { readonly ticket: TicketRef }>;

export type IncidentSnoozed = Event<
  'IncidentSnoozed',
  1,
  { readonly durationSeconds: number; readonly snoozedUntil: Instant }
>;

/** Recorded on the target; `alerts` are the source's alerts this incident did not hold yet. */
export type IncidentMerged = Event<
  'IncidentMerged',
  1,
  { readonly sourceIncidentId: string; readonly alerts: readonly IncidentAlert[] }
>;

/**
 * A fact another context reported about the incident (escalation: who was paged and why, a step skipped,
 * unanswered; notification: a delivery attempt), kept on the incident's timeline. `activityId` is the
 * source event's id (and this event's id), so a redelivered fact is recorded once.
 */
export type ActivityRecorded = Event<'ActivityRecorded', 1, ReportedActivity>;

export type IncidentEvent =
  | IncidentTriggered
  | AlertAppended
  | AlertRepeated
  | IncidentAcknowledged
  | IncidentUnacknowledged
  | IncidentResolved
  | IncidentReassigned
  | IncidentEscalated
  | NoteAdded
  | IncidentPriorityChanged
  | IncidentSeverityChanged
  | TicketLinked
  | IncidentSnoozed
  | IncidentMerged
  | ActivityRecorded;

export type IncidentEventType = IncidentEvent['type'];

export type IncidentEventOf<T extends IncidentEventType> = Extract<IncidentEvent, { type: T }>;

/**
 * The schema version each event type is written with today. Never edit a stored version's shape:
 * bump the number here and add a pure upcaster from the old one.
 */
export const INCIDENT_EVENT_SCHEMA_VERSIONS = Object.freeze({
  IncidentTriggered: 1,
  AlertAppended: 1,
  AlertRepeated: 1,
  IncidentAcknowledged: 1,
  IncidentUnacknowledged: 1,
  IncidentResolved: 1,
  IncidentReassigned: 1,
  IncidentEscalated: 1,
  NoteAdded: 1,
  IncidentPriorityChanged: 1,
  IncidentSeverityChanged: 1,
  TicketLinked: 1,
  IncidentSnoozed: 1,
  IncidentMerged: 1,
  ActivityRecorded: 1,
} as const satisfies { readonly [T in IncidentEventType]: IncidentEventOf<T>['schemaVersion'] });

export const INCIDENT_EVENT_TYPES: readonly IncidentEventType[] = Object.freeze(
  Object.keys(INCIDENT_EVENT_SCHEMA_VERSIONS) as IncidentEventType[],
);
