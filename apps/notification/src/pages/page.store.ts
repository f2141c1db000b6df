import { NotifyRequested, PagedIncident } from '@oncall/contracts';
import { queryRows } from '@oncall/platform-persistence';
import { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export interface PageRow {
  page_id: string;
  org_id: string;
  incident_id: string;
  user_id: string;
  kind: NotifyRequested['kind'];
  generation: number;
  level: number | null;
  cycle: number | null;
  urgency: NotifyRequested['urgency'];
  reason: string;
  requested_at: Date;
  incident: PagedIncident;
  correlation_id: string | null;
}

const COLUMNS = `page_id, org_id, incident_id, user_id, kind, generation, level, cycle, urgency, reason,
  requested_at, incident, correlation_id`;

/** Records a page request once (by its page id); answers the row only the first time. */
export async function recordPage(
  db: Db,
  request: NotifyRequested,
  correlationId: string | null,
  now: Date,
): Promise<PageRow | undefined> {
  const [row] = await queryRows<PageRow>(
    db,
    `INSERT INTO pages (page_id, org_id, incident_id, user_id, kind, generation, level, cycle, urgency, reason,
       requested_at, incident, correlation_id, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (page_id) DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      request.pageId,
      request.orgId,
      request.incidentId,
      request.userId,
      request.kind,
      request.generation,
      request.level,
      request.cycle,
      request.urgency,
      request.reason,
      request.requestedAt,
      JSON.stringify(request.incident),
      correlationId,
      now.toISOString(),
    ],
  );
  return row;
}

export async function loadPage(db: Db, pageId: string): Promise<PageRow | undefined> {
  const [row] = await queryRows<PageRow>(db, `SELECT ${COLUMNS} FROM pages WHERE page_id = $1`, [pageId]);
  return row;
}

export async function recordOutcome(
  db: Db,
  pageId: string,
  outcome: string,
  skipped: unknown,
): Promise<void> {
  await db.query('UPDATE pages SET outcome = $2, skipped = $3 WHERE page_id = $1', [
    pageId,
    outcome,
    JSON.stringify(skipped),
  ]);
}

/** Who was paged for an incident and how many cycles its walks reached (for the unanswered notice). */
export async function pagedSoFar(
  db: Db,
  orgId: string,
  incidentId: string,
): Promise<{ userIds: string[]; cycles: number }> {
  const rows = await queryRows<{ user_id: string; cycle: number | null }>(
    db,
    `SELECT user_id, max(cycle) AS cycle FROM pages WHERE org_id = $1 AND incident_id = $2 AND kind = 'page'
     GROUP BY user_id ORDER BY min(requested_at), user_id`,
    [orgId, incidentId],
  );
  return {
    userIds: rows.map((row) => row.user_id),
    cycles: Math.max(1, ...rows.map((row) => row.cycle ?? 1)),
  };
}
