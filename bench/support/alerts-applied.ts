/**
 * Alerts incident-state has applied, counted from its event store: one per incident opened plus every
 * repeat counted on one. Run against the incident_state schema.
 */
export const ALERTS_APPLIED_SQL = `SELECT COALESCE(sum(CASE type
    WHEN 'IncidentTriggered' THEN 1
    WHEN 'AlertRepeated' THEN (data->>'count')::int
    ELSE 0 END), 0)::int AS alerts
  FROM events`;

export async function countAlertsApplied(query: (sql: string) => Promise<{ alerts: number }[]>) {
  const [row] = await query(ALERTS_APPLIED_SQL);
  return row.alerts;
}
