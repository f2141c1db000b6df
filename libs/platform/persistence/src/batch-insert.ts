/** One column of a batch insert: its name, its PostgreSQL type and the value each item gives it. */
export interface BatchColumn<Item> {
  readonly name: string;
  readonly type: string;
  readonly value: (item: Item) => unknown;
}

/**
 * `INSERT INTO table (columns) SELECT * FROM unnest($1::type[], …)`: every item a row of one statement, one
 * array parameter a column, so a column's name, type and value are written together. The caller appends
 * what follows (`ON CONFLICT …`, `RETURNING …`).
 */
export function batchInsert<Item>(
  table: string,
  columns: readonly BatchColumn<Item>[],
  items: readonly Item[],
): { sql: string; parameters: unknown[][] } {
  const names = columns.map(({ name }) => name).join(', ');
  const arrays = columns.map(({ type }, index) => `$${index + 1}::${type}[]`).join(', ');
  return {
    sql: `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`,
    parameters: columns.map(({ value }) => items.map(value)),
  };
}
