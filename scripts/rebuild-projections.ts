/**
 * `npm run rebuild-projections -- incidents` (or `reporting`): empties a projection's read models and rebuilds
 * them from the events (incident-state's event store; reporting's own record of the facts it read), then
 * prints how many events were replayed. Safe while the service runs: the projection's
 * checkpoint row serialises the rebuild with the running projector.
 */
import 'reflect-metadata';
import { createLogger } from '@oncall/platform-observability';
import { PostgresEventStore, Projection, ProjectionRunner } from '@oncall/platform-event-store';
import { createServiceDataSource, runMigrations } from '@oncall/platform-persistence';
import { DataSource, DataSourceOptions } from 'typeorm';
import {
  INCIDENT_STATE_MIGRATIONS,
  INCIDENT_STATE_SCHEMA,
} from '../apps/incident-state/src/incident-state.service';
import { IncidentsProjection } from '../apps/incident-state/src/projections/incidents.projection';
import { rebuildReporting } from '../apps/reporting/src/projections/rebuild-reporting';
import { REPORTING_MIGRATIONS, REPORTING_SCHEMA } from '../apps/reporting/src/reporting.service';
import { DEFAULT_DATABASE_URL } from './platform-services';

interface Rebuildable {
  schema: string;
  migrations: DataSourceOptions['migrations'];
  /** Empties the read models, replays the events, answers how many were replayed. */
  rebuild: (dataSource: DataSource) => Promise<number>;
}

const PROJECTIONS: Record<string, Rebuildable> = {
  incidents: {
    schema: INCIDENT_STATE_SCHEMA,
    migrations: INCIDENT_STATE_MIGRATIONS,
    rebuild: (dataSource) => rebuildFromEventStore(dataSource, new IncidentsProjection()),
  },
  reporting: {
    schema: REPORTING_SCHEMA,
    migrations: REPORTING_MIGRATIONS,
    rebuild: rebuildReporting,
  },
};

/** A rebuild only reads the events: the store needs no hook (it appends nothing). */
function rebuildFromEventStore(dataSource: DataSource, projection: Projection): Promise<number> {
  const store = new PostgresEventStore(dataSource);
  return new ProjectionRunner(dataSource, store, projection, createLogger('rebuild', 'warn'), {
    batchSize: 2_000,
  }).rebuild();
}

async function rebuild(name: string, databaseUrl: string): Promise<void> {
  const target = PROJECTIONS[name];
  if (!target) throw new Error(`Unknown projection "${name}"; known: ${Object.keys(PROJECTIONS).join(', ')}`);
  const dataSource: DataSource = createServiceDataSource({
    url: databaseUrl,
    schema: target.schema,
    migrations: target.migrations,
    applicationName: `rebuild-${name}`,
  });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource, target.schema);
    const started = Date.now();
    const replayed = await target.rebuild(dataSource);
    console.log(
      `Rebuilt ${name}: ${replayed} events replayed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  if (names.length === 0) {
    console.error(`usage: npm run rebuild-projections -- <${Object.keys(PROJECTIONS).join('|')}> ...`);
    process.exit(2);
  }
  for (const name of names) await rebuild(name, process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
}

main().catch((error: Error) => {
  console.error(`rebuild-projections failed: ${error.message}`);
  process.exit(1);
});
