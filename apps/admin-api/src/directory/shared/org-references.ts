import { badRequestFor } from '@oncall/platform-runtime';
import { EntityManager } from 'typeorm';
import { invalidField } from './directory-errors';
import { isUuid } from './uuid';

/**
 * Checks that a body field names a row of the caller's organization, else 400 naming the field (another
 * organization's row is not told apart from a missing one). The row is key-share locked until commit, so
 * a concurrent delete of it waits for this write instead of failing on the foreign key.
 */
export async function requireOrgReference(
  db: EntityManager,
  table: 'users' | 'teams' | 'clients' | 'services',
  orgId: string,
  id: string,
  field: string,
): Promise<void> {
  const what = table.replace(/s$/, '');
  if (!isUuid(id)) throw invalidField(field, `${field} must be the id of a ${what}`);
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM ${table} WHERE org_id = $1 AND id = $2${lockWhenInTransaction(db)}`,
    [orgId, id],
  );
  if (rows.length === 0) {
    throw invalidField(field, `${field} ${id} is not a ${what} of your organization`);
  }
}

/** One id a request names as a person, and the field (in the API's style) it came in. */
export interface UserReference {
  field: string;
  userId: string;
}

/**
 * THE check that ids are active users of the caller's organization (team members, schedule participants,
 * override people, policy targets, reassignment): else 400 with one error per field at fault, listing the
 * ids (another organization's user reads exactly like a missing or deactivated one). In a transaction the
 * users are key-share locked until commit, so they cannot be deactivated under the write that names them.
 */
export async function requireActiveUsers(
  db: EntityManager,
  orgId: string,
  references: readonly UserReference[],
): Promise<void> {
  if (references.length === 0) return;
  const wanted = [...new Set(references.map((reference) => reference.userId.toLowerCase()))].filter(isUuid);
  const rows: { id: string }[] =
    wanted.length === 0
      ? []
      : await db.query(
          `SELECT id FROM users WHERE org_id = $1 AND id = ANY($2::uuid[]) AND active ORDER BY id${lockWhenInTransaction(db)}`,
          [orgId, wanted],
        );
  const active = new Set(rows.map((row) => row.id));
  const missingByField = new Map<string, string[]>();
  for (const { field, userId } of references) {
    if (active.has(userId.toLowerCase())) continue;
    const missing = missingByField.get(field) ?? [];
    if (!missing.includes(userId)) missing.push(userId);
    missingByField.set(field, missing);
  }
  if (missingByField.size === 0) return;
  throw badRequestFor(
    [...missingByField].map(([field, ids]) => ({
      field,
      message:
        ids.length === 1
          ? `${field}: ${ids[0]} is not an active user of your organization`
          : `${field}: ${ids.join(', ')} are not active users of your organization`,
    })),
  );
}

/** The same field for every id of a list (`userIds`, `to.userIds`). */
export function referencesOf(field: string, userIds: readonly string[]): UserReference[] {
  return userIds.map((userId) => ({ field, userId }));
}

/**
 * `FOR KEY SHARE` inside a transaction (held until commit: the row cannot be deleted or have its key
 * changed meanwhile); nothing outside one, where a lock would end with the statement anyway.
 */
function lockWhenInTransaction(db: EntityManager): string {
  return db.queryRunner?.isTransactionActive ? ' FOR KEY SHARE' : '';
}
