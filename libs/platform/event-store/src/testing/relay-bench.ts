import { Streams } from '@oncall/contracts';
import { ensureStreams, SubjectNamespace } from '@oncall/platform-messaging';
import { OUTBOX_MIGRATIONS, relayEventsThroughOutbox } from '@oncall/platform-outbox';
import { migratedServiceDatabase } from '@oncall/platform-persistence/testing';
import { createTestNamespace, REPO_ROOT, stageForAll, TEST_NATS_URL } from '@oncall/platform-testing';
import { ChildProcess, spawn, StdioOptions } from 'node:child_process';
import { join } from 'node:path';
import { AckPolicy, connect, DeliverPolicy } from 'nats';
import { CreateEventStore1764201600001 } from '../event-store.migration';
import { PostgresEventStore } from '../postgres-event-store';

/** An event as JetStream stored it, in the stream's order. */
export interface RelayedEvent {
  id: string;
  streamId: string;
  version: number;
}

/**
 * What the relay's process tests share, started for the enclosing describe block: a database of their own
 * with the outbox and the event store, the incident stream under a subject prefix of their own, a store
 * that relays through the outbox, and relay processes (`relay.child.ts`) pointed at both.
 */
export function useRelayBench(label: string, schema: string) {
  const namespace = createTestNamespace(label);
  const database = stageForAll(() =>
    migratedServiceDatabase(label, {
      schema,
      migrations: [...OUTBOX_MIGRATIONS, CreateEventStore1764201600001],
    }),
  );
  const nc = stageForAll(async () => {
    const connection = await connect({ servers: TEST_NATS_URL });
    await ensureStreams(await connection.jetstreamManager(), new SubjectNamespace(namespace.prefix), [
      Streams.incidents,
    ]);
    return connection;
  });
  afterAll(() => namespace.cleanup());
  const incidentStream = () => `${namespace.prefix}_${Streams.incidents.name}`;

  return {
    database,
    store: () =>
      new PostgresEventStore(
        database.dataSource,
        relayEventsThroughOutbox((event) => `oncall.evt.incident.${event.type}.v1`),
      ),

    /** A relay process over this bench's outbox; `env` adds the child's own settings. */
    spawnRelay(env: Record<string, string>, stdio: StdioOptions): ChildProcess {
      return spawn(
        process.execPath,
        [join(REPO_ROOT, 'scripts/run-ts.js'), join(__dirname, 'relay.child.ts')],
        {
          cwd: REPO_ROOT,
          env: {
            PATH: process.env.PATH,
            DATABASE_URL: database.url,
            NATS_URL: TEST_NATS_URL,
            NATS_SUBJECT_PREFIX: namespace.prefix,
            SCHEMA: schema,
            ...env,
          },
          stdio,
        },
      );
    },

    /** The incident stream as JetStream holds it now, read by a new durable consumer named `reader`. */
    async readIncidentStream(reader: string): Promise<RelayedEvent[]> {
      const jsm = await nc.jetstreamManager();
      const { state } = await jsm.streams.info(incidentStream());
      await jsm.consumers.add(incidentStream(), { durable_name: reader, ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All }); // prettier-ignore
      const consumer = await nc.jetstream().consumers.get(incidentStream(), reader);
      const events: RelayedEvent[] = [];
      const batch = await consumer.fetch({ max_messages: state.messages, expires: 5_000 });
      for await (const message of batch) {
        const { metadata } = message.json<{ metadata: { eventId: string; stream: { id: string; version: number } } }>(); // prettier-ignore
        events.push({ id: metadata.eventId, streamId: metadata.stream.id, version: metadata.stream.version });
      }
      return events;
    },

    async outboxMessageIds(): Promise<string[]> {
      const rows: { message_id: string }[] = await database.dataSource.query('SELECT message_id FROM outbox');
      return rows.map((row) => row.message_id);
    },
  };
}

/** Settles when the process exits, with its code or the signal that ended it. */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}
