#!/usr/bin/env node
// Applies every built service's migrations, then exits: the Kubernetes migration Job (k8s/migrate/) runs it
// before a rollout, so a failing migration stops the upgrade before any pod is replaced. Services still
// migrate at start under the same advisory lock per schema, so running this is never required, only earlier.
//
//   DATABASE_URL=postgres://... node deploy/migrate.js [--dist dist/apps] [service ...]
//
// It reads each service's definition (schema, migrations) from its build in dist/apps/<service>/ (the
// image's layout, scripts/build-app.js), skipping services without a database.
'use strict';

const { existsSync, readdirSync } = require('node:fs');
const { join, resolve } = require('node:path');

// Decorator metadata of the built services, as their main.ts loads it.
require('reflect-metadata');

const ROOT = resolve(__dirname, '..');

function parseArguments(argv) {
  const distIndex = argv.indexOf('--dist');
  const dist = resolve(ROOT, distIndex >= 0 ? argv[distIndex + 1] : join('dist', 'apps'));
  const named = argv.filter((argument, index) => argument !== '--dist' && index !== distIndex + 1);
  return { dist, services: named.length > 0 ? named : readdirSync(dist).sort() };
}

/** The service's definition as its main.ts would build it; the factory only gathers options. */
function definitionOf(dist, service) {
  const file = join(dist, service, 'apps', service, 'src', `${service}.service.js`);
  if (!existsSync(file))
    throw new Error(`${service}: no build at ${file} (node scripts/build-app.js ${service})`);
  const exported = require(file);
  const factory = Object.entries(exported).find(
    ([name, value]) => typeof value === 'function' && name.endsWith('Service'),
  );
  if (!factory) throw new Error(`${service}: ${file} exports no service definition`);
  return factory[1]({});
}

async function migrate(dist, service, url) {
  const definition = definitionOf(dist, service);
  if (definition.database === false) return undefined;
  const persistence = require(join(dist, service, 'libs', 'platform', 'persistence', 'src'));
  const dataSource = persistence.createServiceDataSource({
    url,
    schema: definition.schema,
    migrations: definition.migrations,
    entities: [],
    applicationName: `${service}-migrate`,
  });
  await dataSource.initialize();
  try {
    return {
      schema: definition.schema,
      applied: await persistence.runMigrations(dataSource, definition.schema),
    };
  } finally {
    await dataSource.destroy();
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const { dist, services } = parseArguments(process.argv.slice(2));
  for (const service of services) {
    const result = await migrate(dist, service, url);
    const line = result
      ? { service, schema: result.schema, applied: result.applied }
      : { service, skipped: 'no database' };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`migrate failed: ${error.message}\n`);
  process.exit(1);
});
