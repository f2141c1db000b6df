import { Streams } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { createLogger } from '@oncall/platform-observability';
import { OUTBOX_MIGRATIONS, enqueueOutboxMessages, OutboxRelay } from '@oncall/platform-outbox';
import { openServiceDataSource } from '@oncall/platform-persistence';
import {
  createTestNamespace,
  migratedTestDatabase,
  stageForAll,
  TEST_NATS_URL,
} from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';

const SCHEMA = 'relay_dead';

describe('Outbox relay and a message JetStream can never take', () => {
  const namespace = createTestNamespace('relaydead');
  const database = stageForAll(() =>
    migratedTestDatabase('relaydead', (url) =>
      openServiceDataSource({
        url,
        schema: SCHEMA,
        migrations: OUTBOX_MIGRATIONS,
        applicationName: 'relay-dead-test',
      }),
    ),
  );
  const bus = stageForAll(() =>
    MessageBus.connect({
      url: TEST_NATS_URL,
      connectionName: 'relay-dead-test',
      subjectPrefix: namespace.prefix,
      streams: [Streams.incidents],
    }),
  );
  afterAll(() => namespace.cleanup());

  it('sets an oversized message aside and keeps relaying the partition behind it', async () => {
    const message = (id: string, body: string) => ({
      messageId: id,
      subject: 'oncall.evt.incident.test.v1',
      body,
      headers: {},
      orderingKey: 'same-stream',
    });
    const [huge, next] = [randomUUID(), randomUUID()];
    await database.dataSource.transaction((tx) =>
      enqueueOutboxMessages(tx, [
        message(huge, JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) })),
        message(next, '{}'),
      ]),
    );
    const relay = new OutboxRelay(database.dataSource, bus.publisher, createLogger('t', 'silent'));
    expect(await relay.relayPending()).toBe(2);
    const dead: { message_id: string; error: string }[] = await database.dataSource.query(
      'SELECT message_id, error FROM outbox_dead',
    );
    expect(dead.map((row) => row.message_id)).toEqual([huge]);
    expect(await database.dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]);
    const info = await bus.jsm.streams.info(`${namespace.prefix}_${Streams.incidents.name}`);
    expect(info.state.messages).toBe(1);
  });
});
