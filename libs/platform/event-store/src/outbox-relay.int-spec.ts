import { Streams } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { createLogger } from '@oncall/platform-observability';
import { OUTBOX_MIGRATIONS, enqueueOutboxMessages, OutboxRelay } from '@oncall/platform-outbox';
import { openServiceDataSource } from '@oncall/platform-persistence';
import {
  createTestDatabase,
  createTestNamespace,
  TestDatabase,
  TEST_NATS_URL,
} from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

const SCHEMA = 'relay_dead';

describe('Outbox relay and a message JetStream can never take', () => {
  let database: TestDatabase;
  let namespace: { prefix: string; cleanup(): Promise<void> };
  let dataSource: DataSource;
  let bus: MessageBus;

  beforeAll(async () => {
    [database, namespace] = await Promise.all([
      createTestDatabase('relaydead'),
      createTestNamespace('relaydead'),
    ]);
    dataSource = await openServiceDataSource({
      url: database.url,
      schema: SCHEMA,
      migrations: OUTBOX_MIGRATIONS,
      applicationName: 'relay-dead-test',
    });
    bus = await MessageBus.connect({
      url: TEST_NATS_URL,
      connectionName: 'relay-dead-test',
      subjectPrefix: namespace.prefix,
      streams: [Streams.incidents],
    });
  });
  afterAll(async () => {
    await bus.close();
    await dataSource.destroy();
    await Promise.all([database.drop(), namespace.cleanup()]);
  });

  it('sets an oversized message aside and keeps relaying the partition behind it', async () => {
    const message = (id: string, body: string) => ({
      messageId: id,
      subject: 'oncall.evt.incident.test.v1',
      body,
      headers: {},
      orderingKey: 'same-stream',
    });
    const [huge, next] = [randomUUID(), randomUUID()];
    await dataSource.transaction((tx) =>
      enqueueOutboxMessages(tx, [
        message(huge, JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) })),
        message(next, '{}'),
      ]),
    );
    const relay = new OutboxRelay(dataSource, bus.publisher, createLogger('t', 'silent'));
    expect(await relay.relayPending()).toBe(2);
    const dead: { message_id: string; error: string }[] = await dataSource.query(
      'SELECT message_id, error FROM outbox_dead',
    );
    expect(dead.map((row) => row.message_id)).toEqual([huge]);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]);
    const info = await bus.jsm.streams.info(`${namespace.prefix}_${Streams.incidents.name}`);
    expect(info.state.messages).toBe(1);
  });
});
