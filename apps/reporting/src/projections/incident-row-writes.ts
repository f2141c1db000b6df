import { EntityManager } from 'typeorm';

/**
 * Each write to a report_incidents row commutes with every other: firsts are LEAST, levels GREATEST,
 * severity follows the highest stream version, counts add up. Facts from different streams may then
 * arrive in any order (a page before its trigger, say) and a replay in another order gives the same row.
 */
export interface IncidentKey {
  orgId: string;
  incidentId: string;
}

/** Inserts the incident's row with `columns`, or merges them into the row there with `onConflict`. */
async function upsert(
  tx: EntityManager,
  key: IncidentKey,
  columns: Record<string, unknown>,
  onConflict: string,
): Promise<void> {
  const names = Object.keys(columns);
  const placeholders = names.map((_, index) => `$${index + 3}`);
  await tx.query(
    `INSERT INTO report_incidents (incident_id, org_id, ${names.join(', ')}) VALUES ($1, $2, ${placeholders.join(', ')})
     ON CONFLICT (incident_id) DO UPDATE SET ${onConflict}`,
    [key.incidentId, key.orgId, ...Object.values(columns)],
  );
}

/** The severity of the highest stream version wins, whatever order the facts arrive in. */
const SEVERITY_OF_LATEST_VERSION = `severity = CASE WHEN report_incidents.severity_version < EXCLUDED.severity_version
                       THEN EXCLUDED.severity ELSE report_incidents.severity END,
       severity_version = GREATEST(report_incidents.severity_version, EXCLUDED.severity_version)`;

export interface Opening {
  openedAt: string;
  severity: string;
  version: number;
  serviceId: string;
  sourceId: string | null;
}

export const recordOpening = (tx: EntityManager, key: IncidentKey, opening: Opening) =>
  upsert(
    tx,
    key,
    {
      opened_at: opening.openedAt,
      severity: opening.severity,
      severity_version: opening.version,
      service_id: opening.serviceId,
      source_id: opening.sourceId,
      alert_count: 1,
    },
    `opened_at = EXCLUDED.opened_at, service_id = EXCLUDED.service_id, source_id = EXCLUDED.source_id,
       ${SEVERITY_OF_LATEST_VERSION},
       alert_count = report_incidents.alert_count + 1`,
  );

export const addAlerts = (tx: EntityManager, key: IncidentKey, count: number) =>
  upsert(
    tx,
    key,
    { alert_count: count },
    'alert_count = report_incidents.alert_count + EXCLUDED.alert_count',
  );

export const recordAcknowledged = (tx: EntityManager, key: IncidentKey, at: string) =>
  upsert(
    tx,
    key,
    { acknowledged_at: at },
    'acknowledged_at = LEAST(report_incidents.acknowledged_at, EXCLUDED.acknowledged_at)',
  );

export const recordResolved = (tx: EntityManager, key: IncidentKey, at: string, merged: boolean) =>
  upsert(
    tx,
    key,
    { resolved_at: at, merged },
    `resolved_at = LEAST(report_incidents.resolved_at, EXCLUDED.resolved_at),
       merged = report_incidents.merged OR EXCLUDED.merged`,
  );

export const recordSeverity = (tx: EntityManager, key: IncidentKey, severity: string, version: number) =>
  upsert(tx, key, { severity, severity_version: version }, SEVERITY_OF_LATEST_VERSION);

export const recordLevel = (tx: EntityManager, key: IncidentKey, level: number) =>
  upsert(
    tx,
    key,
    { max_level: level },
    'max_level = GREATEST(report_incidents.max_level, EXCLUDED.max_level)',
  );

export const recordUnanswered = (tx: EntityManager, key: IncidentKey) =>
  upsert(tx, key, { unanswered: true }, 'unanswered = true');

/** The person's first acknowledgement, and the person among the incident's acknowledgers (a sorted set). */
export async function recordPersonAcknowledged(
  tx: EntityManager,
  key: IncidentKey,
  userId: string,
  at: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO report_incidents (incident_id, org_id, acknowledged_by) VALUES ($1, $2, ARRAY[$3::text])
     ON CONFLICT (incident_id) DO UPDATE SET acknowledged_by = ARRAY(
       SELECT DISTINCT person FROM unnest(report_incidents.acknowledged_by || EXCLUDED.acknowledged_by) person
       ORDER BY person)`,
    [key.incidentId, key.orgId, userId],
  );
  await tx.query(
    `INSERT INTO report_acknowledgements (incident_id, user_id, org_id, at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (incident_id, user_id) DO UPDATE SET at = LEAST(report_acknowledgements.at, EXCLUDED.at)`,
    [key.incidentId, userId, key.orgId, at],
  );
}
