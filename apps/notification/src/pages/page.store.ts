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

/** Records page requests once each (by page id); answers the rows recorded now, in request order. */
export async function recordPages(
  db: Db,
  requests: readonly { request: NotifyRequested; correlationId: string | null }[],
  now: Date,
): Promise<PageRow[]> {
  if (requests.length === 0) return [];
  const column = <T>(pick: (request: NotifyRequested) => T) => requests.map(({ request }) => pick(request));
  const rows = await queryRows<PageRow>(
    db,
    `INSERT INTO pages (page_id, org_id, incident_id, user_id, kind, generation, level, cycle, urgency, reason,
       requested_at, incident, correlation_id, received_at)
     SELECT *, $14::timestamptz FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[],
       $7::int[], $8::int[], $9::text[], $10::text[], $11::timestamptz[], $12::jsonb[], $13::text[])
     ON CONFLICT (page_id) DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      column((r) => r.pageId),
      column((r) => r.orgId),
      column((r) => r.incidentId),
      column((r) => r.userId),
      column((r) => r.kind),
      column((r) => r.generation),
      column((r) => r.level),
      column((r) => r.cycle),
      column((r) => r.urgency),
      column((r) => r.reason),
      column((r) => r.requestedAt),
      column((r) => JSON.stringify(r.incident)),
      requests.map(({ correlationId }) => correlationId),
      now.toISOString(),
    ],
  );
  const order = new Map(requests.map(({ request }, index) => [request.pageId, index]));
  return rows.sort((a, b) => (order.get(a.page_id) ?? 0) - (order.get(b.page_id) ?? 0));
}

/** Records page requests one at a time (the same as a batch of one). */
export async function recordPage(
  db: Db,
  request: NotifyRequested,
  correlationId: string | null,
  now: Date,
): Promise<PageRow | undefined> {
  const [row] = await recordPages(db, [{ request, correlationId }], now);
  return row;
}

export async function loadPage(db: Db, pageId: string): Promise<PageRow | undefined> {
  const [row] = await queryRows<PageRow>(db, `SELECT ${COLUMNS} FROM pages WHERE page_id = $1`, [pageId]);
  return row;
}

/** How each page was planned ('planned', 'fallback', 'no-contact-method', …) and the rule steps skipped. */
export async function recordOutcomes(
  db: Db,
  outcomes: readonly { pageId: string; outcome: string; skipped: unknown }[],
): Promise<void> {
  if (outcomes.length === 0) return;
  await db.query(
    `UPDATE pages p SET outcome = o.outcome, skipped = o.skipped
     FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS o(page_id, outcome, skipped) WHERE p.page_id = o.page_id`,
    [outcomes.map((o) => o.pageId), outcomes.map((o) => o.outcome), outcomes.map((o) => JSON.stringify(o.skipped))],
  ); // prettier-ignore
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
