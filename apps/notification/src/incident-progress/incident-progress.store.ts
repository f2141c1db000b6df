import type { IncidentProgress } from '@oncall/notification-domain';
import { queryRows } from '@oncall/platform-persistence';
import { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

/** What an incident event means for paging, or null when it changes nothing of it. */
export interface ProgressChange {
  status: 'triggered' | 'acknowledged' | 'resolved';
  acknowledgedAt: string | null;
}

/**
 * Acknowledged and resolved stop a person's rules; every event that returns the incident to triggered
 * (unacknowledged, reassigned, escalated: ADR 0031) lets new pages through again.
 */
export function progressChangeOf(type: string, at: string): ProgressChange | null {
  switch (type) {
    case 'IncidentTriggered':
    case 'IncidentUnacknowledged':
    case 'IncidentReassigned':
    case 'IncidentEscalated':
      return { status: 'triggered', acknowledgedAt: null };
    case 'IncidentAcknowledged':
      return { status: 'acknowledged', acknowledgedAt: at };
    case 'IncidentResolved':
      return { status: 'resolved', acknowledgedAt: null };
    default:
      return null;
  }
}

/**
 * Applies one event by its version in the incident's stream: an older or repeated one changes nothing, so
 * redelivery and reordering across the stream are harmless. The latest acknowledgement is kept after the
 * incident went back to triggered (shouldStillSend needs it).
 */
export async function applyProgress(
  db: Db,
  orgId: string,
  incidentId: string,
  version: number,
  change: ProgressChange,
): Promise<void> {
  await db.query(
    `INSERT INTO incident_progress (incident_id, org_id, status, last_acknowledged_at, version)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (incident_id) DO UPDATE SET
       status = EXCLUDED.status,
       last_acknowledged_at = GREATEST(incident_progress.last_acknowledged_at, EXCLUDED.last_acknowledged_at),
       version = EXCLUDED.version
     WHERE incident_progress.version < EXCLUDED.version AND incident_progress.org_id = EXCLUDED.org_id`,
    [incidentId, orgId, change.status, change.acknowledgedAt, version],
  );
}

/**
 * The incidents as paging sees them, by id. One missing from the map has had none of its events arrive
 * yet ('none'): it is paged, never held back.
 */
export async function loadProgressOf(
  db: Db,
  incidentIds: readonly string[],
): Promise<Map<string, IncidentProgress>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await queryRows<{ incident_id: string; status: IncidentProgress['status']; last_acknowledged_at: Date | null }>(
    db,
    'SELECT incident_id, status, last_acknowledged_at FROM incident_progress WHERE incident_id = ANY($1::text[])',
    [[...new Set(incidentIds)]],
  ); // prettier-ignore
  return new Map(
    rows.map((row) => [row.incident_id, { status: row.status, lastAcknowledgedAt: row.last_acknowledged_at?.toISOString() ?? null }]),
  ); // prettier-ignore
}
