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

async function upsert(
  tx: EntityManager,
  key: IncidentKey,
  column: string,
  value: unknown,
  onConflict: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO report_incidents (incident_id, org_id, ${column}) VALUES ($1, $2, $3)
     ON CONFLICT (incident_id) DO UPDATE SET ${onConflict}`,
    [key.incidentId, key.orgId, value],
  );
}

export interface Opening {
  openedAt: string;
  severity: string;
  version: number;
  serviceId: string;
  sourceId: string | null;
}

export async function recordOpening(tx: EntityManager, key: IncidentKey, opening: Opening): Promise<void> {
  await tx.query(
    `INSERT INTO report_incidents
       (incident_id, org_id, opened_at, severity, severity_version, service_id, source_id, alert_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
     ON CONFLICT (incident_id) DO UPDATE SET
       opened_at = EXCLUDED.opened_at, service_id = EXCLUDED.service_id, source_id = EXCLUDED.source_id,
       severity = CASE WHEN report_incidents.severity_version < EXCLUDED.severity_version
                       THEN EXCLUDED.severity ELSE report_incidents.severity END,
       severity_version = GREATEST(report_incidents.severity_version, EXCLUDED.severity_version),
       alert_count = report_incidents.alert_count + 1`,
    [
      key.incidentId,
      key.orgId,
      opening.openedAt,
      opening.severity,
      opening.version,
      opening.serviceId,
      opening.sourceId,
    ],
  );
}

export const addAlerts = (tx: EntityManager, key: IncidentKey, count: number) =>
  upsert(tx, key, 'alert_count', count, 'alert_count = report_incidents.alert_count + EXCLUDED.alert_count');

export const recordAcknowledged = (tx: EntityManager, key: IncidentKey, at: string) =>
  upsert(
    tx,
    key,
    'acknowledged_at',
    at,
    'acknowledged_at = LEAST(report_incidents.acknowledged_at, EXCLUDED.acknowledged_at)',
  );

export async function recordResolved(
  tx: EntityManager,
  key: IncidentKey,
  at: string,
  merged: boolean,
): Promise<void> {
  await tx.query(
    `INSERT INTO report_incidents (incident_id, org_id, resolved_at, merged) VALUES ($1, $2, $3, $4)
     ON CONFLICT (incident_id) DO UPDATE SET
       resolved_at = LEAST(report_incidents.resolved_at, EXCLUDED.resolved_at),
       merged = report_incidents.merged OR EXCLUDED.merged`,
    [key.incidentId, key.orgId, at, merged],
  );
}

export async function recordSeverity(
  tx: EntityManager,
  key: IncidentKey,
  severity: string,
  version: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO report_incidents (incident_id, org_id, severity, severity_version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (incident_id) DO UPDATE SET
       severity = CASE WHEN report_incidents.severity_version < EXCLUDED.severity_version
                       THEN EXCLUDED.severity ELSE report_incidents.severity END,
       severity_version = GREATEST(report_incidents.severity_version, EXCLUDED.severity_version)`,
    [key.incidentId, key.orgId, severity, version],
  );
}

export const recordLevel = (tx: EntityManager, key: IncidentKey, level: number) =>
  upsert(tx, key, 'max_level', level, 'max_level = GREATEST(report_incidents.max_level, EXCLUDED.max_level)');

export const recordUnanswered = (tx: EntityManager, key: IncidentKey) =>
  upsert(tx, key, 'unanswered', true, 'unanswered = true');

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
