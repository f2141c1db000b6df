/** Persistence's test entry point (`@oncall/platform-persistence/testing`): never imported by production code. */
import { migratedTestDatabase, type MigratedTestDatabase } from '@oncall/platform-testing';
import type { ServiceDataSourceOptions } from '../data-source';
import { openServiceDataSource } from '../open-data-source';

/**
 * A database of a test's own with a service's schema migrated into it, opened as the service opens its own
 * (`openServiceDataSource`); the connections are named `<label>-test` unless the options name them.
 */
export function migratedServiceDatabase(
  label: string,
  options: Omit<ServiceDataSourceOptions, 'url' | 'applicationName'> & { applicationName?: string },
): Promise<MigratedTestDatabase> {
  return migratedTestDatabase(label, (url) =>
    openServiceDataSource({ applicationName: `${label}-test`, ...options, url }),
  );
}
