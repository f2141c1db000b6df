import { randomBytes, randomUUID } from 'node:crypto';
import { OUTBOX_MIGRATIONS, relayEventsThroughOutbox } from '@oncall/platform-outbox';
import { openServiceDataSource } from '@oncall/platform-persistence';
import { createTestDatabase, TestDatabase, waitFor } from '@oncall/platform-testing';
import { DataSource } from 'typeorm';
import { describeEventStoreContract } from './testing';
import { CreateEventStore1764201600001 } from './event-store.migration';
import { PostgresEventStore } from './postgres-event-store';
import { ConcurrencyError } from './event-store.port';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase('eventstore');
});
afterAll(() => database.drop());

async function openStore(): Promise<{ dataSource: DataSource; store: PostgresEventStore }> {
  const schema = `es_${randomBytes(4).toString('hex')}`;
  const dataSource = await openServiceDataSource({
    url: database.url,
    schema,
    migrations: [...OUTBOX_MIGRATIONS, CreateEventStore1764201600001],
    applicationName: 'event-store-test',
  });
  return {
    dataSource,
    store: new PostgresEventStore(
      dataSource,
      relayEventsThroughOutbox((event) => `oncall.evt.test.${event.type}.v1`),
    ),
  };
}

describeEventStoreContract('PostgreSQL', async () => {
  const { dataSource, store } = await openStore();
  return { store, close: () => dataSource.destroy() };
});

describe('PostgresEventStore specifics', () => {
  let dataSource: DataSource;
  let store: PostgresEventStore;
  beforeEach(async () => ({ dataSource, store } = await openStore()));
  afterEach(() => dataSource.destroy());

  const metadata = {
    orgId: 'org-1',
    correlationId: 'c',
    causationId: null,
    occurredAt: '2027-01-01T00:00:00.000Z',
  };

  it('writes one outbox row per event, in the same statement, with the envelope as body', async () => {
    const events = [
      { eventId: randomUUID(), type: 'Opened', schemaVersion: 1, data: { a: 1 } },
      { eventId: randomUUID(), type: 'Closed', schemaVersion: 2, data: { b: 2 } },
    ];
    await store.appendToStream('stream-1', events, { expectedVersion: 0, metadata });
    const rows: { message_id: string; subject: string; body: string; headers: Record<string, string> }[] =
      await dataSource.query('SELECT message_id, subject, body, headers FROM outbox ORDER BY id');
    expect(rows.map((r) => [r.message_id, r.subject])).toEqual([
      [events[0].eventId, 'oncall.evt.test.Opened.v1'],
      [events[1].eventId, 'oncall.evt.test.Closed.v1'],
    ]);
    expect(JSON.parse(rows[1].body)).toEqual({
      type: 'Closed',
      data: { b: 2 },
      metadata: {
        ...metadata,
        eventId: events[1].eventId,
        schemaVersion: 2,
        stream: { id: 'stream-1', version: 2 },
      },
    });
    expect(rows[0].headers).toEqual({
      'Oncall-Org-Id': 'org-1',
      'Oncall-Type': 'Opened',
      'Oncall-Correlation-Id': 'c',
    });
  });

  it('writes no outbox row when the append is refused', async () => {
    await store.appendToStream('s', [{ eventId: randomUUID(), type: 'A', schemaVersion: 1, data: {} }], {
      expectedVersion: 0,
      metadata,
    });
    await expect(
      store.appendToStream('s', [{ eventId: randomUUID(), type: 'B', schemaVersion: 1, data: {} }], {
        expectedVersion: 0,
        metadata,
      }),
    ).rejects.toThrow('has changed since version 0');
    expect(await dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 1 }]);
  });

  it('writes only the events when it has no before-commit hook', async () => {
    const bare = new PostgresEventStore(dataSource);
    const eventId = randomUUID();
    await bare.appendToStream('bare', [{ eventId, type: 'A', schemaVersion: 1, data: { n: 1 } }], {
      expectedVersion: 0,
      metadata,
    });
    expect((await bare.readStream('bare')).map((event) => event.eventId)).toEqual([eventId]);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]);
  });

  it('does not let read-all pass an event whose transaction commits late', async () => {
    const late = dataSource.createQueryRunner();
    await late.connect();
    await late.startTransaction();
    // The late transaction takes its sequence number first but commits last.
    await late.query(
      `INSERT INTO events (event_id, stream_id, version, org_id, type, schema_version, data, metadata)
       VALUES ($1, 'late', 1, 'org-1', 'Late', 1, '{}', '{}')`,
      [randomUUID()],
    );
    await store.appendToStream(
      'early',
      [{ eventId: randomUUID(), type: 'Early', schemaVersion: 1, data: {} }],
      {
        expectedVersion: 0,
        metadata,
      },
    );
    expect((await store.readAll()).map((e) => e.type)).toEqual([]);
    await late.commitTransaction();
    await late.release();
    // Other test files' transactions on the same server may hold read-all back a moment longer.
    const types = await waitFor('both events readable', async () => {
      const found = (await store.readAll()).map((e) => e.type);
      return found.length === 2 ? found : undefined;
    });
    expect(types).toEqual(['Late', 'Early']);
  });

  it('refuses to update or delete stored events', async () => {
    await store.appendToStream('s', [{ eventId: randomUUID(), type: 'A', schemaVersion: 1, data: {} }], {
      expectedVersion: 0,
      metadata,
    });
    await expect(dataSource.query(`UPDATE events SET type = 'B'`)).rejects.toThrow('append-only');
    await expect(dataSource.query('DELETE FROM events')).rejects.toThrow('append-only');
  });

  it('appends to many streams in one transaction, refusing only the stream whose version moved', async () => {
    const event = (type: string) => ({ eventId: randomUUID(), type, schemaVersion: 1, data: {} });
    await store.appendToStream('moved', [event('Opened')], { expectedVersion: 0, metadata });
    const results = await store.appendToStreams([
      { streamId: 'new-1', events: [event('Opened')], options: { expectedVersion: 0, metadata } },
      { streamId: 'moved', events: [event('Opened')], options: { expectedVersion: 0, metadata } },
      {
        streamId: 'new-2',
        events: [event('Opened'), event('Noted')],
        options: { expectedVersion: 0, metadata },
      },
    ]);
    expect(results.map((result) => (result instanceof ConcurrencyError ? 'moved' : result.nextExpectedVersion))).toEqual([1, 'moved', 2]); // prettier-ignore
    const [{ transactions }]: { transactions: number }[] = await dataSource.query(
      `SELECT count(DISTINCT transaction_id)::int AS transactions FROM events WHERE stream_id IN ('new-1', 'new-2')`,
    );
    expect(transactions).toBe(1);
    const outbox: { n: number }[] = await dataSource.query('SELECT count(*)::int AS n FROM outbox');
    expect(outbox[0].n).toBe(4);
  });

  it('settles batches naming the same streams in opposite orders without a deadlock, each stream moved once', async () => {
    const event = (type: string) => ({ eventId: randomUUID(), type, schemaVersion: 1, data: {} });
    const streams = ['crossed-a', 'crossed-b', 'crossed-c'];
    for (const streamId of streams) await store.appendToStream(streamId, [event('Opened')], { expectedVersion: 0, metadata }); // prettier-ignore
    const batch = (order: string[]) =>
      store.appendToStreams(
        order.map((streamId) => ({
          streamId,
          events: [event('Noted')],
          options: { expectedVersion: 1, metadata },
        })),
      );
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => batch(i % 2 === 0 ? streams : [...streams].reverse())),
    );
    const stored = outcomes.flat().filter((outcome) => !(outcome instanceof ConcurrencyError));
    expect(stored).toHaveLength(streams.length);
    for (const streamId of streams)
      expect((await store.readStream(streamId)).map((e) => e.version)).toEqual([1, 2]);
  });

  it('rolls every stream of appendToStreams back when one statement fails', async () => {
    const event = (type: string) => ({ eventId: randomUUID(), type, schemaVersion: 1, data: {} });
    const reused = event('Opened');
    await store.appendToStream('first', [reused], { expectedVersion: 0, metadata });
    await expect(
      store.appendToStreams([
        { streamId: 'kept-out', events: [event('Opened')], options: { expectedVersion: 0, metadata } },
        { streamId: 'duplicate', events: [reused], options: { expectedVersion: 0, metadata } },
      ]),
    ).rejects.toThrow(/events_event_id_key/);
    expect(await store.readStream('kept-out')).toEqual([]);
  });
});
