import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

interface NamedQueryPool {
  query<Row>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

const names = new Map<string, string>();

/**
 * Runs a hot statement as a named prepared statement on the data source's pool, so PostgreSQL parses and
 * plans it once per connection instead of on every call (TypeORM's `query` sends unnamed statements). The
 * name is the text's digest: one text, one statement, whoever runs it. For statements run outside a
 * transaction, each on its own; answers the rows (RETURNING rows for INSERT/UPDATE).
 */
export async function preparedQuery<Row>(
  dataSource: DataSource,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  let name = names.get(text);
  if (name === undefined) {
    name = `oncall_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  const pool = (dataSource.driver as unknown as { master: NamedQueryPool }).master;
  const result = await pool.query<Row>({ name, text, values });
  return result.rows;
}
