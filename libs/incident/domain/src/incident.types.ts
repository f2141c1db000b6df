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

/** One alert as it arrives from dedup-grouping (the triggering one or a later one). */
export interface AlertInput {
  readonly alertId: string;
  readonly dedupKey: string;
  readonly summary: string;
  readonly severity: Severity;
}

/** An alert held by the incident; `receivedAt` is the `at` of the command that brought it in. */
export interface IncidentAlert extends AlertInput {
  readonly receivedAt: Instant;
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
