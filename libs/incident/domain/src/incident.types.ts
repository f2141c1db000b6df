/** ISO-8601 UTC instant, e.g. '2024-05-01T02:00:00.000Z'. Always supplied by the caller, never read from a clock. */
export type Instant = string;

/** Who asked for a change. System rules name themselves in `reason` ('ack-timeout', 'snooze-ended', …). */
export type Actor =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'integration'; readonly integrationId: string }
  | { readonly kind: 'system'; readonly reason: SystemReason };

/**
 * The system rule acting. Known ones are listed; any other non-empty string is accepted so a new rule
 * needs no domain release.
 */
export type SystemReason = string;
export const KNOWN_SYSTEM_REASONS = [
  'ack-timeout',
  'snooze-ended',
  'auto-resolve',
  'escalation-policy',
  'merged',
] as const;

export const INCIDENT_SEVERITIES = ['critical', 'high', 'warning', 'info'] as const;
export type Severity = (typeof INCIDENT_SEVERITIES)[number];

export const INCIDENT_URGENCIES = ['high', 'low'] as const;
export type Urgency = (typeof INCIDENT_URGENCIES)[number];

export const INCIDENT_PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type Priority = (typeof INCIDENT_PRIORITIES)[number];

/** 'none' = no stream yet. Snoozed is not a status: it is 'acknowledged' with `snoozedUntil` set. */
export type IncidentStatus = 'none' | 'triggered' | 'acknowledged' | 'resolved';

/**
 * What the source said about an alert beyond its summary, kept on the event that brought it in (for pages,
 * emails and the timeline) but not in the folded state, which stays small.
 */
export interface AlertContext {
  readonly source?: string;
  readonly component?: string;
  readonly device?: string;
  readonly client?: string;
  readonly origin?: string;
  /** The integration's name, and the client's as the sending tool names it (ADR 0172). */
  readonly integrationName?: string;
  readonly clientName?: string;
  /** The client routing rule that sent it to its service (ADR 0175); absent: the integration's service. */
  readonly routingRuleId?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly links?: readonly { readonly href: string; readonly text?: string }[];
  /** Defend (EDR) detections: device, MITRE techniques, recommended action. */
  readonly defend?: Readonly<Record<string, unknown>>;
}

/** One alert as it arrives from dedup-grouping (the triggering one or a later one). */
export interface AlertInput {
  readonly alertId: string;
  readonly dedupKey: string;
  readonly summary: string;
  readonly severity: Severity;
  /** The integration that sent it: dedup keys are unique per integration. Absent on alerts stored before. */
  readonly integrationId?: string;
  /** Its position in the alert stream; repeats at or before the last one applied are redeliveries. */
  readonly sequence?: number;
  readonly context?: AlertContext;
}

/**
 * An alert held by the incident: one entry per alert key (integration, dedup key). `receivedAt` is the `at`
 * of the command that brought it in; repeats of the open alert (PagerDuty's dedup) are counted on the
 * entry, with the last one's summary, severity and time, never kept one by one.
 */
export interface IncidentAlert {
  readonly alertId: string;
  readonly dedupKey: string;
  readonly summary: string;
  readonly severity: Severity;
  readonly receivedAt: Instant;
  readonly integrationId?: string;
  /** Repeats after the first alert of the key. */
  readonly repeatCount?: number;
  readonly lastSeenAt?: Instant;
  readonly lastAlertId?: string;
  /** The highest alert-stream sequence applied to this entry. */
  readonly lastSequence?: number;
  /** On events only (IncidentTriggered, AlertAppended); never kept in the folded state. */
  readonly context?: AlertContext;
}

/** What identifies an alert key on an incident. */
export interface AlertKey {
  readonly integrationId?: string;
  readonly dedupKey: string;
}

/** Same key: same dedup key, and the same integration where both say which (older alerts did not). */
export function sameAlertKey(a: AlertKey, b: AlertKey): boolean {
  return (
    a.dedupKey === b.dedupKey &&
    (a.integrationId === undefined || b.integrationId === undefined || a.integrationId === b.integrationId)
  );
}

/** Alerts received on the incident, repeats included. */
export function alertOccurrences(alerts: readonly IncidentAlert[]): number {
  return alerts.reduce((total, alert) => total + 1 + (alert.repeatCount ?? 0), 0);
}

/**
 * Who the incident is assigned to. An escalation level belongs to the incident's escalation policy;
 * assigning to users drops out of the policy (PagerDuty), so it no longer escalates by itself.
 */
export type Assignment =
  | { readonly kind: 'escalation-level'; readonly level: number }
  | { readonly kind: 'users'; readonly userIds: readonly string[] };

/** A PSA ticket; (`provider`, `ticketId`) identifies it. */
export interface TicketRef {
  readonly provider: string;
  readonly ticketId: string;
  readonly url: string | null;
}

/**
 * Why an incident was resolved, derived from the actor for ResolveIncident:
 * user -> 'manual', integration -> 'source', system -> 'auto'; 'merged' only via MergeIncidentInto.
 */
export type ResolutionReason = 'manual' | 'source' | 'auto' | 'merged';

/** Why an acknowledged incident went back to triggered (and pages again). */
export type UnacknowledgeReason = 'ack-timeout' | 'handed-back' | 'snooze-ended';

/**
 * Where a person acted from, when the caller knows: a one-click link in an email or a Slack message, the
 * admin app, or the API. Optional on acknowledge and resolve (and their events), so events stored before it
 * and callers that cannot tell stay valid; the timeline says "acknowledged by Alice from email".
 */
export const ACTION_CHANNELS = ['email', 'slack', 'web', 'api'] as const;
export type ActionChannel = (typeof ACTION_CHANNELS)[number];

/** Contexts whose facts are recorded on an incident's timeline. */
export const ACTIVITY_SOURCES = ['escalation', 'notification', 'psa'] as const;
export type ActivitySource = (typeof ACTIVITY_SOURCES)[number];

/** A fact another context reported, as RecordActivity carries it and ActivityRecorded keeps it. */
export interface ReportedActivity {
  readonly activityId: string;
  readonly source: ActivitySource;
  readonly kind: string;
  readonly summary: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** The activity kind that flags an incident unanswered (its escalation policy ran out). */
export const UNANSWERED_ACTIVITY = 'escalation-unanswered';

/** The activity kind of a step the escalation engine paged; its `detail.level` is the incident's level now. */
export const STEP_FIRED_ACTIVITY = 'step-fired';
