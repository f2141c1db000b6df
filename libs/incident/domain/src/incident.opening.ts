import type { Priority, Severity, Urgency } from './incident.types';

/** What an incident is opened with and keeps: where it belongs, what it is called and how it ranks. */
export interface IncidentOpening {
  readonly orgId: string;
  readonly serviceId: string;
  /** Null when the service had no escalation policy when the incident opened: nobody is paged by policy. */
  readonly escalationPolicyId: string | null;
  readonly title: string;
  readonly severity: Severity;
  readonly urgency: Urgency;
  readonly priority: Priority | null;
}

/** The opening facts of a trigger (a command, whose priority may be left out, or the event). */
export function openingOf(
  source: Omit<IncidentOpening, 'priority'> & { readonly priority?: Priority | null },
): IncidentOpening {
  return {
    orgId: source.orgId,
    serviceId: source.serviceId,
    escalationPolicyId: source.escalationPolicyId,
    title: source.title,
    severity: source.severity,
    urgency: source.urgency,
    priority: source.priority ?? null,
  };
}

/** A newly opened incident has nothing of this yet: no acknowledgement, snooze, ticket, note, merge or resolution. */
export const NOTHING_RECORDED_YET = {
  acknowledgedBy: null,
  acknowledgedAt: null,
  snoozedUntil: null,
  ticket: null,
  noteIds: [],
  notesCount: 0,
  mergedIncidentIds: [],
  mergedInto: null,
  resolvedBy: null,
  resolvedAt: null,
  resolutionReason: null,
  unansweredAt: null,
} as const;
