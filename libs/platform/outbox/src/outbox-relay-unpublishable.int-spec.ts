import { Streams } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { createLogger } from '@oncall/platform-observability';
import { migratedServiceDatabase } from '@oncall/platform-persistence/testing';
import { createTestNamespace, stageForAll, TEST_NATS_URL } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { OUTBOX_MIGRATIONS } from './outbox.migration';
import { PARTITION_SQL } from './outbox-message';
import { OutboxRelay } from './outbox-relay';
import { enqueueOutboxMessages } from './outbox-writer';

const SCHEMA = 'relay_unpublishable';
const GOOD_SUBJECT = 'oncall.evt.incident.test.v1';

interface Row {
  messageId: string;
  subject: string;
  body: string;
  headers: unknown;
}

const good = (): Row => ({ messageId: randomUUID(), subject: GOOD_SUBJECT, body: '{}', headers: {} });

/**
 * Messages the bus refuses however often they are sent (issue 8, item 4: an organization id that was an
 * object became a header nats.js cannot write, and the relay retried it forever in front of the rest).
 */
const UNPUBLISHABLE: [string, Partial<Row>][] = [
  ['a header value that is an object', { headers: { 'Oncall-Org-Id': { id: 'org-1' } } }],
  ['a header value that is a number', { headers: { 'Oncall-Org-Id': 42 } }],
  ['a header value with CR/LF', { headers: { 'Oncall-Org-Id': 'org\r\nX-Injected: 1' } }],
  ['a header name with a colon', { headers: { 'Oncall:Org': 'org-1' } }],
  ['a header name with a space', { headers: { 'Oncall Org': 'org-1' } }],
  ['headers that are not an object', { headers: ['org-1'] }],
  ['a subject with a space', { subject: 'oncall.evt.incident.bad subject.v1' }],
  ['a subject with a wildcard', { subject: 'oncall.evt.incident.*.v1' }],
  ['a subject with an empty token', { subject: 'oncall.evt.incident..v1' }],
  ['a subject with a line break', { subject: 'oncall.evt.incident.x\r\nPUB.v1' }],
  ['a message id with a line break', { messageId: 'id\r\nX: 1' }],
  ['a body over NATS max_payload', { body: JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) }) }],
];

describe('Outbox relay and messages the bus refuses for good (class of issue 8, item 4)', () => {
  const namespace = createTestNamespace('relayunpub');
  const database = stageForAll(() =>
    migratedServiceDatabase('relayunpub', {
      schema: SCHEMA,
      migrations: OUTBOX_MIGRATIONS,
      applicationName: 'relay-unpublishable-test',
    }),
  );
  const bus = stageForAll(() =>
    MessageBus.connect({
      url: TEST_NATS_URL,
      connectionName: 'relay-unpublishable-test',
      subjectPrefix: namespace.prefix,
      streams: [Streams.incidents],
    }),
  );
  afterAll(() => namespace.cleanup());
  const setAside: string[] = [];
  let relay: OutboxRelay;
  beforeAll(() => {
    relay = new OutboxRelay(database.dataSource, bus.publisher, createLogger('t', 'silent'), {
      onSetAside: (message) => setAside.push(message.messageId),
    });
  });

  /** Writes rows as a writer would, bypassing its types: what a bug upstream could put there. */
  const enqueue = (rows: Row[], orderingKey: string) =>
    database.dataSource.query(
      `INSERT INTO outbox (partition, message_id, subject, body, headers)
       SELECT ${PARTITION_SQL('$5')}, m.message_id, m.subject, m.body, m.headers
       FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) WITH ORDINALITY AS m(message_id, subject, body, headers, ord)
       ORDER BY m.ord`,
      [
        rows.map((row) => row.messageId),
        rows.map((row) => row.subject),
        rows.map((row) => row.body),
        rows.map((row) => JSON.stringify(row.headers)),
        orderingKey,
      ],
    );

  const streamName = () => `${namespace.prefix}_${Streams.incidents.name}`;
  const lastMessageIds = async (count: number): Promise<string[]> => {
    const { state } = await bus.jsm.streams.info(streamName());
    const ids: string[] = [];
    for (let seq = state.last_seq - count + 1; seq <= state.last_seq; seq += 1) {
      const message = await bus.jsm.streams.getMessage(streamName(), { seq });
      ids.push(message.header.get('Nats-Msg-Id'));
    }
    return ids;
  };

  it.each(UNPUBLISHABLE)(
    'sets aside %s and publishes the messages around it, in order',
    async (_, change) => {
      const [before, after] = [good(), good()];
      const bad = { ...good(), ...change };
      setAside.length = 0;
      await enqueue([before, bad, after], `stream-${randomUUID()}`);

      await relay.relayPending();

      expect(await lastMessageIds(2)).toEqual([before.messageId, after.messageId]);
      const dead: { message_id: string; error: string }[] = await database.dataSource.query(
        'SELECT message_id, error FROM outbox_dead WHERE message_id = $1',
        [bad.messageId],
      );
      expect(dead).toEqual([{ message_id: bad.messageId, error: expect.any(String) }]);
      expect(setAside).toEqual([bad.messageId]);
      expect(await database.dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]);
    },
  );

  it('sets aside an oversized message its writer enqueued and keeps relaying the partition behind it', async () => {
    const orderingKey = `stream-${randomUUID()}`;
    const message = (id: string, body: string) => ({ messageId: id, subject: GOOD_SUBJECT, body, headers: {}, orderingKey }); // prettier-ignore
    const [huge, next] = [randomUUID(), randomUUID()];
    await database.dataSource.transaction((tx) =>
      enqueueOutboxMessages(tx, [
        message(huge, JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) })),
        message(next, '{}'),
      ]),
    );
    const { state: before } = await bus.jsm.streams.info(streamName());

    expect(await relay.relayPending()).toBe(2);

    const dead: { message_id: string }[] = await database.dataSource.query(
      'SELECT message_id FROM outbox_dead WHERE message_id = ANY($1)',
      [[huge, next]],
    );
    expect(dead.map((row) => row.message_id)).toEqual([huge]);
    expect(await database.dataSource.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]);
    const { state: after } = await bus.jsm.streams.info(streamName());
    expect(after.messages - before.messages).toBe(1);
    expect(await lastMessageIds(1)).toEqual([next]);
  });
});
