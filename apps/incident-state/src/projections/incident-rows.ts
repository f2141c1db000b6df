import { IncidentSummary } from '@oncall/contracts';
import { IncidentState } from '@oncall/incident-domain';
import { StoredEvent } from '@oncall/platform-event-store';

export function toIncidentRow(summary: IncidentSummary, state: IncidentState) {
  return {
    id: summary.incidentId,
    org_id: summary.orgId,
    service_id: summary.serviceId,
    title: summary.title,
    status: summary.status,
    severity: summary.severity,
    urgency: summary.urgency,
    priority: summary.priority,
    alert_count: summary.alertCount,
    assigned_user_ids: summary.assignedUserIds,
    escalation_level: summary.escalationLevel,
    acknowledged_by: summary.acknowledgedBy,
    snoozed_until: summary.snoozedUntil,
    ticket: summary.ticket,
    triggered_at: summary.triggeredAt,
    acknowledged_at: summary.acknowledgedAt,
    resolved_at: summary.resolvedAt,
    unanswered_at: summary.unansweredAt,
    updated_at: summary.updatedAt,
    version: summary.version,
    state,
  };
}

export function toTimelineRow(stored: StoredEvent) {
  const { incidentId, by, at, ...detail } = stored.data as { incidentId: string; by: unknown; at: string };
  return {
    incident_id: incidentId,
    version: stored.version,
    org_id: stored.metadata.orgId,
    at,
    type: stored.type,
    actor: by ?? null,
    detail,
  };
}

const INCIDENT_COLUMNS = `id uuid, org_id text, service_id text, title text, status text, severity text, urgency text,
  priority text, alert_count integer, assigned_user_ids text[], escalation_level integer, acknowledged_by text,
  snoozed_until timestamptz, ticket jsonb, triggered_at timestamptz, acknowledged_at timestamptz,
  resolved_at timestamptz, updated_at timestamptz, version integer, state jsonb, unanswered_at timestamptz`;

const UPDATABLE = [
  'title',
  'status',
  'severity',
  'urgency',
  'priority',
  'alert_count',
  'assigned_user_ids',
  'escalation_level',
  'acknowledged_by',
  'snoozed_until',
  'ticket',
  'acknowledged_at',
  'resolved_at',
  'unanswered_at',
  'updated_at',
  'version',
  'state',
];

export const UPSERT_INCIDENTS_SQL = `
  INSERT INTO incidents SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${INCIDENT_COLUMNS})
  ON CONFLICT (id) DO UPDATE SET ${UPDATABLE.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`;

export const INSERT_TIMELINE_SQL = `
  INSERT INTO incident_timeline (incident_id, version, org_id, at, type, actor, detail)
  SELECT incident_id, version, org_id, at, type, actor, detail
  FROM jsonb_to_recordset($1::jsonb)
    AS r(incident_id uuid, version integer, org_id text, at timestamptz, type text, actor jsonb, detail jsonb)
  ON CONFLICT (incident_id, version) DO NOTHING`;
