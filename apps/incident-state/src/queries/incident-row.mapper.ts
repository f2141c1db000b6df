import { IncidentSummary } from '@oncall/contracts';

export interface IncidentRow {
  id: string;
  org_id: string;
  service_id: string;
  title: string;
  status: IncidentSummary['status'];
  severity: IncidentSummary['severity'];
  urgency: IncidentSummary['urgency'];
  priority: string | null;
  alert_count: number;
  assigned_user_ids: string[];
  escalation_level: number | null;
  acknowledged_by: string | null;
  snoozed_until: Date | null;
  ticket: IncidentSummary['ticket'];
  triggered_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  unanswered_at: Date | null;
  updated_at: Date;
  version: number;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function rowToSummary(row: IncidentRow): IncidentSummary {
  return {
    incidentId: row.id,
    orgId: row.org_id,
    serviceId: row.service_id,
    title: row.title,
    status: row.status,
    severity: row.severity,
    urgency: row.urgency,
    priority: row.priority,
    alertCount: row.alert_count,
    assignedUserIds: row.assigned_user_ids,
    escalationLevel: row.escalation_level,
    acknowledgedBy: row.acknowledged_by,
    snoozedUntil: iso(row.snoozed_until),
    ticket: row.ticket,
    triggeredAt: row.triggered_at.toISOString(),
    acknowledgedAt: iso(row.acknowledged_at),
    resolvedAt: iso(row.resolved_at),
    unansweredAt: iso(row.unanswered_at),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
