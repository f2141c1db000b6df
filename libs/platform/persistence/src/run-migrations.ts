import { DataSource } from 'typeorm';
import { quoteIdentifier } from './data-source';

/**
 * Creates the schema and applies pending migrations, one replica at a time: an advisory lock keyed by the
 * schema makes concurrent starts wait instead of racing on the same DDL.
 */
export async function runMigrations(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`oncall-migrations:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`oncall-migrations:${schema}`])
      .catch(() => undefined);
    await runner.release();
  }
}
