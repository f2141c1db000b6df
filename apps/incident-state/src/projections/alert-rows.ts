import { AlertContext, IncidentAlert, IncidentEvent, IncidentState } from '@oncall/incident-domain';

/** The alert entries a state holds (one per alert key, in the order the keys first came). */
export function alertEntriesOf(state: IncidentState): readonly IncidentAlert[] {
  return state.status === 'none' ? [] : state.alerts;
}

/**
 * Rows of incident_alerts for the entries that are new or changed since `before`: a repeat updates its
 * key's entry in place (count, last seen, latest summary and severity). Folding keeps an unchanged entry
 * as the same object, so identity tells which changed; were it ever recreated, the upsert writes the same
 * row again.
 */
export function changedAlertRows(
  state: IncidentState,
  before: readonly IncidentAlert[],
  contexts: ReadonlyMap<string, AlertContext> = new Map(),
) {
  if (state.status === 'none') return [];
  return state.alerts.flatMap((alert, index) =>
    alert === before[index]
      ? []
      : [
          {
            incident_id: state.incidentId,
            position: index + 1,
            org_id: state.orgId,
            alert_id: alert.alertId,
            dedup_key: alert.dedupKey,
            summary: alert.summary,
            severity: alert.severity,
            received_at: alert.receivedAt,
            repeat_count: alert.repeatCount ?? 0,
            last_seen_at: alert.lastSeenAt ?? null,
            context: contexts.get(alert.alertId) ?? null,
          },
        ],
  );
}

export const UPSERT_ALERTS_SQL = `
  INSERT INTO incident_alerts (incident_id, position, org_id, alert_id, dedup_key, summary, severity,
    received_at, repeat_count, last_seen_at, context)
  SELECT incident_id, position, org_id, alert_id, dedup_key, summary, severity, received_at, repeat_count,
    last_seen_at, context
  FROM jsonb_to_recordset($1::jsonb) AS r(incident_id uuid, position integer, org_id text, alert_id text,
    dedup_key text, summary text, severity text, received_at timestamptz, repeat_count integer,
    last_seen_at timestamptz, context jsonb)
  ON CONFLICT (incident_id, position) DO UPDATE SET summary = EXCLUDED.summary,
    severity = EXCLUDED.severity, repeat_count = EXCLUDED.repeat_count, last_seen_at = EXCLUDED.last_seen_at,
    context = COALESCE(EXCLUDED.context, incident_alerts.context)`;

/** The context each alert entry came with, from the events of a batch (IncidentTriggered, AlertAppended). */
export function alertContextsOf(events: readonly IncidentEvent[]): Map<string, AlertContext> {
  const contexts = new Map<string, AlertContext>();
  for (const event of events) {
    if (event.type !== 'IncidentTriggered' && event.type !== 'AlertAppended') continue;
    const { alert } = event.data;
    if (alert.context) contexts.set(alert.alertId, alert.context);
  }
  return contexts;
}
