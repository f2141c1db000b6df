/**
 * Child process for the concurrent-migrations test: loads every service's definition, prints `READY`, and
 * on a line on stdin does what each service does at start-up (data source initialised, runMigrations),
 * for all services at once; prints `APPLIED <schema> <n>` per schema and exits 0, or prints the error
 * and exits 1.
 */
import 'reflect-metadata';
import { createServiceDataSource, runMigrations } from '@oncall/platform-persistence';
import { DatabaseRuntimeOptions } from '@oncall/platform-runtime';
import { ALL_SERVICES, SERVICE_CATALOGUE } from './service-catalogue';

async function migrate(options: DatabaseRuntimeOptions, databaseUrl: string): Promise<void> {
  const dataSource = createServiceDataSource({
    url: databaseUrl,
    schema: options.schema,
    migrations: options.migrations,
    entities: options.entities,
    applicationName: `migrate-${options.serviceName}`,
  });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource, options.schema);
    process.stdout.write(`APPLIED ${options.schema} ${applied.length}\n`);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const definitions = ALL_SERVICES.map((name) => SERVICE_CATALOGUE[name](env)).filter(
    (definition): definition is DatabaseRuntimeOptions & typeof definition => definition.database !== false,
  );
  process.stdout.write('READY\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  await Promise.all(definitions.map((definition) => migrate(definition, env.DATABASE_URL!)));
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stdout.write(`ERROR ${error.message}\n`);
    process.exit(1);
  },
);
