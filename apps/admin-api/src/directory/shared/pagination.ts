import { CursorPage, CursorPageQueryDto, listCursors } from '@oncall/contracts';
import { readCursor } from '@oncall/platform-messaging';
import { EntityManager } from 'typeorm';

/** A filter on the rows of a page, its parameters numbered after the organization's ($2, …). */
export interface RowFilter {
  sql: string;
  params: unknown[];
}

export interface Keyed {
  id: string;
  created_at: Date;
}

/**
 * One page of an organization's rows, oldest first, keyset-paginated on (created_at, id), every query
 * scoped by org_id. A walk never shows a row twice nor out of order, whatever is inserted meanwhile, but
 * it is not a snapshot: `created_at` is set when the inserting transaction starts, not when it commits, so
 * a row whose transaction commits after the walk has passed its place is not shown to that walk (a fresh
 * walk shows it). Postgres has no simple commit-ordered column to page on instead (commit timestamps need
 * `track_commit_timestamp` and are not indexable), so callers that must see everything re-list from the start.
 */
export async function pageOfOrgRows<Row extends Keyed>(
  db: EntityManager,
  table: string,
  orgId: string,
  query: CursorPageQueryDto,
  filter: RowFilter = { sql: '', params: [] },
): Promise<CursorPage<Row>> {
  const limit = query.limit ?? 50;
  const params: unknown[] = [orgId, ...filter.params];
  let where = `org_id = $1${filter.sql ? ` AND ${filter.sql}` : ''}`;
  if (query.cursor) {
    const [createdAt, id] = readCursor(listCursors.us, query.cursor);
    params.push(createdAt, id);
    where += ` AND (created_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
  }
  // The cursor keeps created_at to the microsecond: a JS Date would round it to the millisecond, and the
  // last row of a page would then come again on the next one.
  const rows: (Row & { page_key: string })[] = await db.query(
    `SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS page_key
     FROM ${table} WHERE ${where} ORDER BY created_at, id LIMIT ${limit + 1}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const items = page.map(({ page_key: _, ...row }) => row as unknown as Row);
  return {
    items,
    nextCursor: rows.length > limit && last ? listCursors.us.encode([last.page_key, last.id]) : null,
  };
}
