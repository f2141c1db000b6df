import { EntityManager } from 'typeorm';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Runs SQL and returns its rows, whatever the statement. TypeORM's postgres driver answers UPDATE and
 * DELETE with `[rows, rowCount]` but SELECT and INSERT with `rows`; this evens that out so
 * `UPDATE ... RETURNING *` reads like a SELECT.
 */
export async function queryRows<Row>(db: Queryable, sql: string, params: unknown[] = []): Promise<Row[]> {
  const result: unknown = await db.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as Row[];
  }
  return result as Row[];
}
