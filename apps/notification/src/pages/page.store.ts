import { NotifyRequested, PagedIncident } from '@oncall/contracts';
import { BatchColumn, batchInsert, queryRows } from '@oncall/platform-persistence';
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
  const columns: readonly BatchColumn<(typeof requests)[number]>[] = [
    { name: 'page_id', type: 'text', value: ({ request }) => request.pageId },
    { name: 'org_id', type: 'text', value: ({ request }) => request.orgId },
    { name: 'incident_id', type: 'text', value: ({ request }) => request.incidentId },
    { name: 'user_id', type: 'text', value: ({ request }) => request.userId },
    { name: 'kind', type: 'text', value: ({ request }) => request.kind },
    { name: 'generation', type: 'int', value: ({ request }) => request.generation },
    { name: 'level', type: 'int', value: ({ request }) => request.level },
    { name: 'cycle', type: 'int', value: ({ request }) => request.cycle },
    { name: 'urgency', type: 'text', value: ({ request }) => request.urgency },
    { name: 'reason', type: 'text', value: ({ request }) => request.reason },
    { name: 'requested_at', type: 'timestamptz', value: ({ request }) => request.requestedAt },
    { name: 'incident', type: 'jsonb', value: ({ request }) => JSON.stringify(request.incident) },
    { name: 'correlation_id', type: 'text', value: ({ correlationId }) => correlationId },
    { name: 'received_at', type: 'timestamptz', value: () => now.toISOString() },
  ];
  const insert = batchInsert('pages', columns, requests);
  const rows = await queryRows<PageRow>(
    db,
    `${insert.sql} ON CONFLICT (page_id) DO NOTHING RETURNING ${COLUMNS}`,
    insert.parameters,
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
