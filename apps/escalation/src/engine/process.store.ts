import { PagedIncident } from '@oncall/contracts';
import { EscalationState } from '@oncall/escalation-domain';
import { queryRows } from '@oncall/platform-persistence';
import { EntityManager } from 'typeorm';

export interface StoredProcess {
  orgId: string;
  state: EscalationState;
  incident: PagedIncident;
}

interface ProcessRow {
  org_id: string;
  state: EscalationState;
  incident: PagedIncident;
}

type Db = Pick<EntityManager, 'query'>;

/** The incident's process, locked for the transaction (one decision at a time per incident). */
export function loadProcess(tx: EntityManager, incidentId: string): Promise<StoredProcess | null> {
  return selectProcess(tx, 'incident_id = $1 FOR UPDATE', [incidentId]);
}

/** An incident's process as the API shows it, within the organization. */
export function readProcess(db: Db, orgId: string, incidentId: string): Promise<StoredProcess | null> {
  return selectProcess(db, 'org_id = $1 AND incident_id = $2', [orgId, incidentId]);
}

async function selectProcess(db: Db, where: string, params: unknown[]): Promise<StoredProcess | null> {
  const [row] = await queryRows<ProcessRow>(
    db,
    `SELECT org_id, state, incident FROM escalation_processes WHERE ${where}`,
    params,
  );
  return row ? { orgId: row.org_id, state: row.state, incident: row.incident } : null;
}

export async function saveProcess(
  tx: EntityManager,
  incidentId: string,
  process: StoredProcess,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO escalation_processes (incident_id, org_id, state, incident, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5)
     ON CONFLICT (incident_id) DO UPDATE SET state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
    [
      incidentId,
      process.orgId,
      JSON.stringify(process.state),
      JSON.stringify(process.incident),
      now.toISOString(),
    ],
  );
}

/** The stored rotation offsets of a policy's round-robin steps, by level. */
export async function roundRobinOffsets(
  tx: EntityManager,
  policyId: string | null,
): Promise<Map<number, number>> {
  if (policyId === null) return new Map();
  const rows = await queryRows<{ level: number; next_offset: number }>(
    tx,
    'SELECT level, next_offset FROM escalation_round_robin WHERE policy_id = $1',
    [policyId],
  );
  return new Map(rows.map((row) => [row.level, row.next_offset]));
}

export async function storeRoundRobinOffset(
  tx: EntityManager,
  policyId: string,
  level: number,
  nextOffset: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO escalation_round_robin (policy_id, level, next_offset) VALUES ($1, $2, $3)
     ON CONFLICT (policy_id, level) DO UPDATE SET next_offset = EXCLUDED.next_offset`,
    [policyId, level, nextOffset],
  );
}
