import { EntityManager } from 'typeorm';
import { invalidField } from './directory-errors';

/**
 * Checks that a body field names a row of the caller's organization, else 400 naming the field (another
 * organization's row is not told apart from a missing one). The row is key-share locked until commit, so
 * a concurrent delete of it waits for this write instead of failing on the foreign key.
 */
export async function requireOrgReference(
  db: EntityManager,
  table: 'users' | 'teams' | 'clients',
  orgId: string,
  id: string,
  field: string,
): Promise<void> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM ${table} WHERE org_id = $1 AND id = $2 FOR KEY SHARE`,
    [orgId, id],
  );
  if (rows.length === 0) {
    throw invalidField(field, `${field} ${id} is not a ${table.replace(/s$/, '')} of your organization`);
  }
}

/** Checks that every id is an active user of the organization, else 400 naming the field and the ids. */
export async function requireActiveUsers(
  db: EntityManager,
  orgId: string,
  ids: string[],
  field: string,
): Promise<void> {
  if (ids.length === 0) return;
  const rows: { id: string }[] = await db.query(
    'SELECT id FROM users WHERE org_id = $1 AND id = ANY($2::uuid[]) AND active ORDER BY id FOR KEY SHARE',
    [orgId, ids],
  );
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw invalidField(
      field,
      `${field} must be active users of your organization; not: ${missing.join(', ')}`,
    );
  }
}
