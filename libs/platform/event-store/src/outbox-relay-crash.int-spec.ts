import { Streams } from '@oncall/contracts';
import { ensureStreams, SubjectNamespace } from '@oncall/platform-messaging';
import { openServiceDataSource } from '@oncall/platform-persistence';
import {
  createTestNamespace,
  migratedTestDatabase,
  REPO_ROOT,
  stageForAll,
  TEST_NATS_URL,
} from '@oncall/platform-testing';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AckPolicy, connect, DeliverPolicy, JsMsg, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { OUTBOX_MIGRATIONS, relayEventsThroughOutbox } from '@oncall/platform-outbox';
import { CreateEventStore1764201600001 } from './event-store.migration';
import { PostgresEventStore } from './postgres-event-store';

const SCHEMA = 'relay_test';
const STREAMS = 5;
const EVENTS_PER_STREAM = 10;

describe('Outbox relay killed between publishing and marking sent', () => {
  const namespace = createTestNamespace('relay');
  const database = stageForAll(() =>
    migratedTestDatabase('relay', (url) =>
      openServiceDataSource({
        url,
        schema: SCHEMA,
        migrations: [...OUTBOX_MIGRATIONS, CreateEventStore1764201600001],
        applicationName: 'relay-test',
      }),
    ),
  );
  const nc = stageForAll(async () => {
    const connection = await connect({ servers: TEST_NATS_URL });
    await ensureStreams(await connection.jetstreamManager(), new SubjectNamespace(namespace.prefix), [
      Streams.incidents,
    ]);
    return connection;
  });
  afterAll(() => namespace.cleanup());

  it('puts every event on JetStream exactly once and in stream order after a restart', async () => {
    const store = new PostgresEventStore(
      database.dataSource,
      relayEventsThroughOutbox((event) => `oncall.evt.incident.${event.type}.v1`),
    );
    const written = await appendInterleaved(store);

    const crashed = await runRelayChild({ CRASH_AFTER: '17' });
    expect(crashed.signal).toBe('SIGKILL');
    const streamName = `${namespace.prefix}_${Streams.incidents.name}`;
    const publishedBeforeCrash = await readStream(nc, streamName, 'before-restart');
    // Killed in the wave holding the 17th publish: that whole wave is out, each stream a prefix in order.
    expect(publishedBeforeCrash.length).toBeGreaterThanOrEqual(17);
    expect(publishedBeforeCrash.length).toBeLessThan(written.length);
    for (let s = 0; s < STREAMS; s++) {
      const versions = publishedBeforeCrash.filter((m) => m.streamId === `stream-${s}`).map((m) => m.version);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
    // The crash hit between publishing and marking sent: some published events are still in the outbox.
    const unsent = await outboxMessageIds(database.dataSource);
    expect(publishedBeforeCrash.filter((message) => unsent.includes(message.id)).length).toBeGreaterThan(0);

    const finished = await runRelayChild({});
    expect(finished.code).toBe(0);
    expect(await outboxCount(database.dataSource)).toBe(0);

    const delivered = await readStream(nc, streamName, 'after-restart');
    expect(delivered.map((m) => m.id).sort()).toEqual([...written.map((w) => w.eventId)].sort());
    expect(new Set(delivered.map((m) => m.id)).size).toBe(delivered.length);
    for (let s = 0; s < STREAMS; s++) {
      const versions = delivered.filter((m) => m.streamId === `stream-${s}`).map((m) => m.version);
      expect(versions).toEqual(Array.from({ length: EVENTS_PER_STREAM }, (_, i) => i + 1));
    }
  }, 60_000);

  function runRelayChild(
    extraEnv: Record<string, string>,
  ): Promise<{ code: number | null; signal: string | null }> {
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'scripts/run-ts.js'), join(__dirname, 'testing/relay.child.ts')],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          NATS_URL: TEST_NATS_URL,
          NATS_SUBJECT_PREFIX: namespace.prefix,
          SCHEMA,
          UNTIL_DRAINED: '1',
          BATCH_SIZE: '1000',
          ...extraEnv,
        },
        stdio: 'inherit',
      },
    );
    return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }
});

async function appendInterleaved(store: PostgresEventStore) {
  const written: { eventId: string }[] = [];
  const metadata = {
    orgId: 'org-1',
    correlationId: 'c',
    causationId: null,
    occurredAt: new Date().toISOString(),
  };
  for (let version = 0; version < EVENTS_PER_STREAM; version++) {
    for (let s = 0; s < STREAMS; s++) {
      const event = { eventId: randomUUID(), type: 'StepTaken', schemaVersion: 1, data: { version } };
      await store.appendToStream(`stream-${s}`, [event], { expectedVersion: version, metadata });
      written.push(event);
    }
  }
  return written;
}

async function outboxCount(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query('SELECT count(*)::int AS n FROM outbox');
  return row.n;
}

async function outboxMessageIds(dataSource: DataSource): Promise<string[]> {
  const rows: { message_id: string }[] = await dataSource.query('SELECT message_id FROM outbox');
  return rows.map((row) => row.message_id);
}

async function readStream(nc: NatsConnection, stream: string, reader: string) {
  const jsm = await nc.jetstreamManager();
  const info = await jsm.streams.info(stream);
  await jsm.consumers.add(stream, {
    durable_name: reader,
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.All,
  });
  const consumer = await nc.jetstream().consumers.get(stream, reader);
  const messages: JsMsg[] = [];
  const batch = await consumer.fetch({ max_messages: info.state.messages, expires: 2_000 });
  for await (const message of batch) messages.push(message);
  return messages.map((message) => {
    const envelope = message.json<{
      metadata: { eventId: string; stream: { id: string; version: number } };
    }>();
    return {
      id: envelope.metadata.eventId,
      streamId: envelope.metadata.stream.id,
      version: envelope.metadata.stream.version,
    };
  });
}
