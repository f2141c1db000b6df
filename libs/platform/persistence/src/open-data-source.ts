import { DataSource } from 'typeorm';
import { createServiceDataSource, ServiceDataSourceOptions } from './data-source';
import { runMigrations } from './run-migrations';

/**
 * Opens a service's data source and brings its schema up to date: what a service does at start, and what
 * a test does to get a migrated schema of its own. `onMigrated` hears the names of the migrations applied.
 */
export async function openServiceDataSource(
  options: ServiceDataSourceOptions,
  onMigrated?: (applied: string[]) => void,
): Promise<DataSource> {
  const dataSource = createServiceDataSource(options);
  await dataSource.initialize();
  const applied = await runMigrations(dataSource, options.schema);
  onMigrated?.(applied);
  return dataSource;
}
