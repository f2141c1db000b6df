import { NotFoundException } from '@nestjs/common';
import { problem } from '@oncall/platform-runtime';
import { EntityManager } from 'typeorm';

/**
 * The row `id` of `table` in the caller's organization, locked for update when asked (or key-share locked:
 * kept from being deleted while rows referring to it are written). Another organization's row is
 * indistinguishable from a missing one: both are 404.
 */
export async function findOrgRow<Row>(
  db: EntityManager,
  table: string,
  orgId: string,
  id: string,
  { forUpdate = false, forKeyShare = false } = {},
): Promise<Row> {
  const lock = forUpdate ? ' FOR UPDATE' : forKeyShare ? ' FOR KEY SHARE' : '';
  const rows: Row[] = await db.query(`SELECT * FROM ${table} WHERE org_id = $1 AND id = $2${lock}`, [
    orgId,
    id,
  ]);
  if (!rows[0]) throw notFound(table, id);
  return rows[0];
}

export function notFound(table: string, id: string): NotFoundException {
  const what = table.replace(/s$/, '');
  return new NotFoundException(problem(404, `No ${what} ${id} in your organization.`, { code: 'NOT_FOUND' }));
}
