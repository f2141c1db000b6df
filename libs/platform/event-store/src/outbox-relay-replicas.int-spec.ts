import { Streams } from '@oncall/contracts';
import { ensureStreams, SubjectNamespace } from '@oncall/platform-messaging';
import { OUTBOX_MIGRATIONS, relayEventsThroughOutbox } from '@oncall/platform-outbox';
import { openServiceDataSource } from '@oncall/platform-persistence';
import {
  createTestNamespace,
  migratedTestDatabase,
  REPO_ROOT,
  stageForAll,
  TEST_NATS_URL,
  waitFor,
} from '@oncall/platform-testing';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AckPolicy, connect, DeliverPolicy, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { CreateEventStore1764201600001 } from './event-store.migration';
import { PostgresEventStore } from './postgres-event-store';

const SCHEMA = 'relay_replicas';
const STREAMS = 24;
const VERSIONS = 25;

interface Replica {
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: string | null }>;
}

/**
 * Three relay processes over one outbox (8 partitions, batches of 7, so partitions change hands all the
 * time) while writers append; one replica SIGKILLs itself between publishing and marking sent.
 */
describe('Outbox relay replicas (processes, real PostgreSQL and JetStream)', () => {
  const replicas: Replica[] = [];
  // Declared first, so it runs first: the replicas are killed before their database and namespace go.
  afterAll(async () => {
    for (const { child } of replicas)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(replicas.map((replica) => replica.exited));
  });
  const namespace = createTestNamespace('relayrep');
  const database = stageForAll(() =>
    migratedTestDatabase('relayrep', (url) =>
      openServiceDataSource({
        url,
        schema: SCHEMA,
        migrations: [...OUTBOX_MIGRATIONS, CreateEventStore1764201600001],
        applicationName: 'relay-replicas-test',
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

  it('publishes every event once and each stream in order while replicas contend, and takes over from a killed one', async () => {
    const store = new PostgresEventStore(
      database.dataSource,
      relayEventsThroughOutbox((event) => `oncall.evt.incident.${event.type}.v1`),
    );
    replicas.push(startReplica({ CRASH_AFTER: '60' }), startReplica({}), startReplica({}));
    await waitFor('every replica relaying', () => replicas.every((r) => r.lines.includes('RELAYING')), { timeoutMs: 90_000 }); // prettier-ignore

    // Four writers, each appending to its own streams one version at a time, all at once.
    const written: string[] = [];
    await Promise.all(
      [0, 1, 2, 3].map(async (writer) => {
        for (let version = 0; version < VERSIONS; version++) {
          for (let s = writer; s < STREAMS; s += 4) {
            const event = { eventId: randomUUID(), type: 'StepTaken', schemaVersion: 1, data: { version } };
            await store.appendToStream(`stream-${s}`, [event], { expectedVersion: version, metadata: { orgId: 'org-1', correlationId: 'c', causationId: null, occurredAt: new Date().toISOString() } }); // prettier-ignore
            written.push(event.eventId);
          }
        }
      }),
    );
    const crashed = await replicas[0].exited;
    expect(crashed.signal).toBe('SIGKILL');
    await waitFor('the outbox drained by the survivors', async () => (await outboxCount(database.dataSource)) === 0, { timeoutMs: 60_000, intervalMs: 100 }); // prettier-ignore
    for (const replica of replicas.slice(1)) replica.child.kill('SIGTERM');
    expect((await Promise.all(replicas.slice(1).map((r) => r.exited))).map((e) => e.code)).toEqual([0, 0]);

    const delivered = await readStream(nc, `${namespace.prefix}_${Streams.incidents.name}`);
    expect(delivered).toHaveLength(STREAMS * VERSIONS);
    expect(new Set(delivered.map((m) => m.id))).toEqual(new Set(written));
    for (let s = 0; s < STREAMS; s++) {
      const versions = delivered.filter((m) => m.streamId === `stream-${s}`).map((m) => m.version);
      expect(versions).toEqual(Array.from({ length: VERSIONS }, (_, i) => i + 1));
    }
    // The survivors both relayed: the work was shared, not one replica doing it all.
    for (const replica of replicas.slice(1))
      expect(replica.lines.some((l) => l.startsWith('PUBLISHED'))).toBe(true);
  }, 180_000);

  function startReplica(extraEnv: Record<string, string>): Replica {
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'scripts/run-ts.js'), join(__dirname, 'testing/relay.child.ts')],
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH, DATABASE_URL: database.url, NATS_URL: TEST_NATS_URL, NATS_SUBJECT_PREFIX: namespace.prefix, SCHEMA, ...extraEnv }, // prettier-ignore
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const lines: string[] = [];
    child.stdout!.on('data', (data: Buffer) => lines.push(...data.toString().split('\n').filter(Boolean)));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    return { child, lines, exited };
  }
});

async function outboxCount(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query('SELECT count(*)::int AS n FROM outbox');
  return row.n;
}

/** The stream as JetStream stores it, in its order. */
async function readStream(nc: NatsConnection, stream: string) {
  const jsm = await nc.jetstreamManager();
  const info = await jsm.streams.info(stream);
  await jsm.consumers.add(stream, { durable_name: 'reader', ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All }); // prettier-ignore
  const consumer = await nc.jetstream().consumers.get(stream, 'reader');
  const messages: { id: string; streamId: string; version: number }[] = [];
  const batch = await consumer.fetch({ max_messages: info.state.messages, expires: 5_000 });
  for await (const message of batch) {
    const { metadata } = message.json<{ metadata: { eventId: string; stream: { id: string; version: number } } }>(); // prettier-ignore
    messages.push({ id: metadata.eventId, streamId: metadata.stream.id, version: metadata.stream.version });
  }
  return messages;
}
