import type {
  ActionChannel,
  Actor,
  AlertInput,
  IncidentAlert,
  IncidentStatus,
  Instant,
  Priority,
  ReportedActivity,
  Severity,
  Urgency,
} from './incident.types';

/** Every command names the incident it is for; `orgId` must match the stream's, or the incident "does not exist". */
interface Target {
  readonly incidentId: string;
  readonly orgId: string;
}

interface Command<Type extends string, Data extends Target> {
  readonly type: Type;
  readonly data: Data;
  readonly by: Actor;
  /** When the request was made (for timers: when the timer fired). */
  readonly at: Instant;
}

export type TriggerIncident = Command<
  'TriggerIncident',
  Target & {
    readonly serviceId: string;
    readonly escalationPolicyId: string | null;
    readonly title: string;
    readonly severity: Severity;
    readonly urgency: Urgency;
    readonly priority?: Priority | null;
    readonly alert: AlertInput;
  }
>;

export type AppendAlert = Command<'AppendAlert', Target & { readonly alert: AlertInput }>;

/** The last repeat of a batch, as the incident will show it. */
export interface RepeatedAlert {
  readonly alertId: string;
  readonly summary: string;
  readonly severity: Severity;
}

/**
 * Repeats of an open alert key, in stream order: their alert-stream sequences (so a redelivered batch, or
 * part of one, counts nothing twice) and the last one. `at` is when the last one was received.
 */
export type RecordAlertRepeats = Command<
  'RecordAlertRepeats',
  Target & {
    readonly dedupKey: string;
    readonly integrationId?: string;
    readonly sequences: readonly number[];
    readonly last: RepeatedAlert;
  }
>;

/** Where the person acted from, when known (a one-click email link: 'email'); recorded on the event. */
interface Via {
  readonly via?: ActionChannel;
}

export type AcknowledgeIncident = Command<'AcknowledgeIncident', Target & Via>;

/**
 * 'ack-timeout' carries the acknowledgement its timer was started for; a timer for an older
 * acknowledgement is stale and changes nothing.
 */
export type UnacknowledgeIncident = Command<
  'UnacknowledgeIncident',
  Target &
    (
      | { readonly reason: 'ack-timeout'; readonly acknowledgedAt: Instant }
      | { readonly reason: 'handed-back' }
    )
>;

/** The resolution reason follows from `by`: user -> manual, integration -> source, system -> auto. */
export type ResolveIncident = Command<'ResolveIncident', Target & Via>;

export type ReassignTarget =
  | { readonly kind: 'escalation-level'; readonly level: number }
  | { readonly kind: 'users'; readonly userIds: readonly string[] };

export type ReassignIncident = Command<'ReassignIncident', Target & { readonly to: ReassignTarget }>;

/** `fromLevel` is the level the requester saw; if the incident has moved since, nothing escalates twice. */
export type EscalateIncident = Command<
  'EscalateIncident',
  Target & { readonly fromLevel: number; readonly toLevel: number }
>;

export type AddNote = Command<'AddNote', Target & { readonly noteId: string; readonly text: string }>;

export type SetIncidentPriority = Command<
  'SetIncidentPriority',
  Target & { readonly priority: Priority | null }
>;

export type SetIncidentSeverity = Command<'SetIncidentSeverity', Target & { readonly severity: Severity }>;

export type LinkTicket = Command<
  'LinkTicket',
  Target & { readonly provider: string; readonly ticketId: string; readonly url?: string | null }
>;

export type SnoozeIncident = Command<'SnoozeIncident', Target & { readonly durationSeconds: number }>;

/** Sent by the snooze timer; `at` is when it fired. */
export type EndSnooze = Command<'EndSnooze', Target>;

/** What the merge handler read from the source incident's stream before merging. */
export interface MergeSource {
  readonly incidentId: string;
  readonly orgId: string;
  readonly status: IncidentStatus;
  readonly mergedInto: string | null;
  readonly alerts: readonly IncidentAlert[];
}

/**
 * Merge, step 1 of 2, decided on the TARGET stream: take the source's alerts.
 * Step 2 is MergeIncidentInto on the source stream. Both steps are idempotent, so a handler that
 * crashes between them simply runs both again.
 */
export type AbsorbIncident = Command<'AbsorbIncident', Target & { readonly source: MergeSource }>;

/** Merge, step 2 of 2, decided on the SOURCE stream after AbsorbIncident was appended: resolve as 'merged'. */
export type MergeIncidentInto = Command<'MergeIncidentInto', Target & { readonly targetIncidentId: string }>;

/** Records a fact another context reported (ActivityRecorded); `activityId` is the source event's id. */
export type RecordActivity = Command<'RecordActivity', Target & ReportedActivity>;

export type IncidentCommand =
  | TriggerIncident
  | AppendAlert
  | RecordAlertRepeats
  | AcknowledgeIncident
  | UnacknowledgeIncident
  | ResolveIncident
  | ReassignIncident
  | EscalateIncident
  | AddNote
  | SetIncidentPriority
  | SetIncidentSeverity
  | LinkTicket
  | SnoozeIncident
  | EndSnooze
  | AbsorbIncident
  | MergeIncidentInto
  | RecordActivity;

export type IncidentCommandType = IncidentCommand['type'];

export type IncidentCommandOf<T extends IncidentCommandType> = Extract<IncidentCommand, { type: T }>;

// A mapped type, so adding a command without listing it here (or the reverse) does not compile.
const COMMAND_TYPES: { readonly [T in IncidentCommandType]: T } = {
  TriggerIncident: 'TriggerIncident',
  AppendAlert: 'AppendAlert',
  RecordAlertRepeats: 'RecordAlertRepeats',
  AcknowledgeIncident: 'AcknowledgeIncident',
  UnacknowledgeIncident: 'UnacknowledgeIncident',
  ResolveIncident: 'ResolveIncident',
  ReassignIncident: 'ReassignIncident',
  EscalateIncident: 'EscalateIncident',
  AddNote: 'AddNote',
  SetIncidentPriority: 'SetIncidentPriority',
  SetIncidentSeverity: 'SetIncidentSeverity',
  LinkTicket: 'LinkTicket',
  SnoozeIncident: 'SnoozeIncident',
  EndSnooze: 'EndSnooze',
  AbsorbIncident: 'AbsorbIncident',
  MergeIncidentInto: 'MergeIncidentInto',
  RecordActivity: 'RecordActivity',
};

export const INCIDENT_COMMAND_TYPES: readonly IncidentCommandType[] = Object.freeze(
  Object.values(COMMAND_TYPES),
);
