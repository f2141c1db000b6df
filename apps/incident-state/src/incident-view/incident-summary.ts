import { IncidentSummary } from '@oncall/contracts';
import { alertOccurrences, ExistingIncident } from '@oncall/incident-domain';

/** The list/detail view of an incident, derived from its folded state: one mapping for replies and the read model. */
export function toIncidentSummary(
  state: ExistingIncident,
  version: number,
  updatedAt: string,
): IncidentSummary {
  return {
    incidentId: state.incidentId,
    orgId: state.orgId,
    serviceId: state.serviceId,
    title: state.title,
    status: state.status,
    severity: state.severity,
    urgency: state.urgency,
    priority: state.priority,
    alertCount: alertOccurrences(state.alerts),
    assignedUserIds: state.assignment.kind === 'users' ? [...state.assignment.userIds] : [],
    escalationLevel: state.assignment.kind === 'escalation-level' ? state.assignment.level : null,
    acknowledgedBy: state.acknowledgedBy ? actorId(state.acknowledgedBy) : null,
    snoozedUntil: state.snoozedUntil,
    ticket: state.ticket ? { ...state.ticket } : null,
    triggeredAt: state.triggeredAt,
    acknowledgedAt: state.acknowledgedAt,
    resolvedAt: state.resolvedAt,
    unansweredAt: state.unansweredAt ?? null,
    updatedAt,
    version,
  };
}

function actorId(actor: NonNullable<ExistingIncident['acknowledgedBy']>): string {
  switch (actor.kind) {
    case 'user':
      return actor.userId;
    case 'integration':
      return `integration:${actor.integrationId}`;
    case 'system':
      return `system:${actor.reason}`;
  }
}
