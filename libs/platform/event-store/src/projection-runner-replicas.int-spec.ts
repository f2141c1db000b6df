import { createLogger } from '@oncall/platform-observability';
import { OUTBOX_MIGRATIONS, relayEventsThroughOutbox } from '@oncall/platform-outbox';
import { createServiceDataSource, runMigrations } from '@oncall/platform-persistence';
import { createTestDatabase, TestDatabase, waitFor } from '@oncall/platform-testing';
import { DataSource, EntityManager } from 'typeorm';
import { CreateEventStore1764201600001 } from './event-store.migration';
import { StoredEvent } from './event-store.port';
import { PostgresEventStore } from './postgres-event-store';
import { Projection, ProjectionRunner } from './projection-runner';
import { appendToNumberedStreams } from './testing/numbered-stream-writers';

const SCHEMA = 'projection_replicas';
const STREAMS = 40;
const VERSIONS = 30;

/**
 * Per stream: how many events it applied and the last version. An event applied twice, skipped or out of
 * order is written down in projection_faults instead of being silently absorbed.
 */
class StreamTally implements Projection {
  readonly name = 'stream-tally';
  readonly tables = ['tally', 'projection_faults'];

  async apply(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      const [row]: { applied: number; last_version: number }[] = await tx.query(
        'SELECT applied, last_version FROM tally WHERE stream_id = $1',
        [event.streamId],
      );
      const last = row?.last_version ?? 0;
      if (event.version !== last + 1) {
        await tx.query('INSERT INTO projection_faults (stream_id, expected, got) VALUES ($1, $2, $3)', [event.streamId, last + 1, event.version]); // prettier-ignore
      }
      await tx.query(
        `INSERT INTO tally (stream_id, applied, last_version) VALUES ($1, 1, $2)
         ON CONFLICT (stream_id) DO UPDATE SET applied = tally.applied + 1, last_version = $2`,
        [event.streamId, event.version],
      );
    }
  }
}

/** Two runners (each its own pool, as two replicas) projecting while four writers append. */
describe('Projection runner with two replicas (real PostgreSQL)', () => {
  let database: TestDatabase;
  const dataSources: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('projrep');
    for (const name of ['writer', 'replica-a', 'replica-b']) {
      const dataSource = createServiceDataSource({
        url: database.url,
        schema: SCHEMA,
        migrations: [...OUTBOX_MIGRATIONS, CreateEventStore1764201600001],
        applicationName: name,
      });
      await dataSource.initialize();
      dataSources.push(dataSource);
    }
    await runMigrations(dataSources[0], SCHEMA);
    await dataSources[0].query(
      'CREATE TABLE tally (stream_id text PRIMARY KEY, applied integer NOT NULL, last_version integer NOT NULL)',
    );
    await dataSources[0].query(
      'CREATE TABLE projection_faults (stream_id text, expected integer, got integer)',
    );
  });
  afterAll(async () => {
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
    await database.drop();
  });

  it('applies every event once, each stream in order, and ends equal to one runner’s rebuild', async () => {
    const outboxSubject = () => 'oncall.evt.test.v1';
    const logger = createLogger('projection-replicas', 'silent');
    const runners = dataSources.slice(1).map((dataSource) => {
      const runner = new ProjectionRunner(dataSource, new PostgresEventStore(dataSource, relayEventsThroughOutbox(outboxSubject)), new StreamTally(), logger, { batchSize: 13, pollIntervalMs: 5 }); // prettier-ignore
      runner.start();
      return runner;
    });
    const store = new PostgresEventStore(dataSources[0], relayEventsThroughOutbox(outboxSubject));
    try {
      // Four writers, each appending to its own streams one version at a time, all at once.
      await appendToNumberedStreams(store, {
        streams: STREAMS,
        versions: VERSIONS,
        writers: 4,
        type: 'Counted',
      });
      await waitFor('every event projected', async () => {
        const [row] = await dataSources[0].query('SELECT coalesce(sum(applied), 0)::int AS n FROM tally');
        return row.n >= STREAMS * VERSIONS;
      }, { timeoutMs: 60_000, intervalMs: 100 }); // prettier-ignore
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
    }
    const [db] = dataSources;
    expect(await db.query('SELECT * FROM projection_faults')).toEqual([]);
    const live = await db.query('SELECT stream_id, applied, last_version FROM tally ORDER BY stream_id');
    expect(live).toHaveLength(STREAMS);
    expect(live.every((row: { applied: number }) => row.applied === VERSIONS)).toBe(true);
    const rebuilt = await new ProjectionRunner(db, store, new StreamTally(), logger).rebuild();
    expect(rebuilt).toBe(STREAMS * VERSIONS);
    expect(await db.query('SELECT stream_id, applied, last_version FROM tally ORDER BY stream_id')).toEqual(
      live,
    );
  }, 120_000);
});
