import { DeadLetter, deadLetterSubject, Streams } from '@oncall/contracts';
import { createLogger } from '@oncall/platform-observability';
import {
  connectedTestDatabase,
  createTestNamespace,
  stageForAll,
  TEST_NATS_URL,
  waitFor,
} from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy } from 'nats';
import { DEAD_LETTER_BODY_MAX_CHARS } from './dead-letter';
import { DurableConsumer } from './durable-consumer';
import { MessageBus } from './message-bus';
import { RpcError } from './rpc-errors';
import { RpcResponder } from './rpc-responder';
import { closeTestBus, openTestBus, WORK, workEnvelope } from './testing/test-bus';

const logger = createLogger('dead-letters-test', 'silent');
const context = { orgId: 'org-1', correlationId: 'c', causationId: null };

const envelope = workEnvelope;

describe('Messages that can never be applied', () => {
  let namespace: { prefix: string; cleanup(): Promise<void> };
  const database = stageForAll(() => connectedTestDatabase('deadletters'));
  let bus: MessageBus;
  const deadLettered: { stream: string; durable: string }[] = [];
  beforeEach(async () => {
    namespace = createTestNamespace('dlq');
    bus = await openTestBus(namespace, TEST_NATS_URL, 'dead-letters-test', [WORK]);
  });
  afterEach(async () => {
    deadLettered.splice(0);
    await closeTestBus(bus, namespace);
  });

  /** A consumer that stores `data.text` in PostgreSQL, as a real handler would, and records what it stored. */
  function storingConsumer(
    durable: string,
    stored: string[],
    store: (text: string) => Promise<unknown> = (text) => storeText(text),
  ) {
    return new DurableConsumer(
      bus.js,
      bus.jsm,
      bus.namespace,
      { stream: 'WORK', durable, filterSubject: 'work.>', maxAckPending: 1 },
      async (env) => {
        const { text } = env.data as { text: string };
        await store(text);
        stored.push(text);
      },
      logger,
      { handled: () => undefined, deadLettered: (source) => deadLettered.push(source) },
    );
  }
  const storeText = (text: string) => database.client.query('SELECT $1::text', [text]);

  it('dead-letters data PostgreSQL refuses on the first attempt, counts it, and lets the next message through at once', async () => {
    const stored: string[] = [];
    const worker = storingConsumer('pg', stored);
    await worker.start();
    const started = Date.now();
    await bus.publisher.publish('work.a', envelope({ text: 'nul \u0000 inside' }));
    await bus.publisher.publish('work.a', envelope({ text: 'fine' }));
    await waitFor('the next message stored', () => stored.includes('fine'));
    const waitedMs = Date.now() - started;
    await worker.stop();
    const [letter] = await readDeadLetters(deadLetterSubject('WORK', 'pg'));
    expect(letter).toMatchObject({ attempts: 1, permanent: true, stream: 'WORK', durable: 'pg' });
    expect(letter.reason).toBe('The database cannot store data in this message (SQLSTATE 22021).');
    expect(deadLettered).toEqual([{ stream: 'WORK', durable: 'pg' }]);
    // Eight attempts with back-off took about 8.6 s here (30 s with the default delays).
    expect(waitedMs).toBeLessThan(2_000);
  });

  it('dead-letters at once when the data is refused behind a request (DATA_REFUSED), never naming SQL to the caller', async () => {
    const responder = new RpcResponder(bus.nc, bus.namespace, 'store', logger);
    responder.listen('oncall.cmd.test.store', async (request) =>
      storeText((request.data as { text: string }).text),
    );
    const refused = (await bus.rpc
      .request('oncall.cmd.test.store', { text: '\u0000' }, context)
      .catch((error: unknown) => error)) as RpcError;
    expect([refused.code, refused.message]).toEqual([
      'DATA_REFUSED',
      'The request holds data that cannot be stored (SQLSTATE 22021); it was logged.',
    ]);

    const stored: string[] = [];
    const viaRequest = (text: string) => bus.rpc.request('oncall.cmd.test.store', { text }, context);
    const worker = storingConsumer('rpc', stored, viaRequest);
    await worker.start();
    await bus.publisher.publish('work.a', envelope({ text: '\u0000' }));
    await bus.publisher.publish('work.a', envelope({ text: 'fine' }));
    await waitFor('the next message stored', () => stored.includes('fine'), { timeoutMs: 3_000 });
    await worker.stop();
    await responder.close();
    const [letter] = await readDeadLetters(deadLetterSubject('WORK', 'rpc'));
    expect(letter).toMatchObject({ attempts: 1, permanent: true });
    expect(letter.reason).toMatch(/^Refused: The request holds data that cannot be stored/);
  });

  it('cuts the copied body of a message too large to copy whole, rather than coming round forever', async () => {
    const stored: string[] = [];
    const worker = storingConsumer('big', stored);
    await worker.start();
    // Quotes double in size when escaped: copied whole, the letter would be over NATS' 1 MiB.
    await bus.publisher.publish('work.a', envelope({ text: `${'"'.repeat(400_000)}\u0000` }));
    await bus.publisher.publish('work.a', envelope({ text: 'fine' }));
    await waitFor('the next message stored', () => stored.includes('fine'));
    await worker.stop();
    const [letter] = await readDeadLetters(deadLetterSubject('WORK', 'big'));
    expect(letter.bodyTruncated).toBe(true);
    expect(letter.body).toHaveLength(DEAD_LETTER_BODY_MAX_CHARS);
    expect(letter.streamSequence).toBe(1);
  });

  async function readDeadLetters(subject: string): Promise<DeadLetter[]> {
    const stream = `${namespace.prefix}_${Streams.deadLetters.name}`;
    const durable = `reader-${randomUUID().slice(0, 8)}`;
    await bus.jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.All,
      filter_subject: `${namespace.prefix}.${subject}`,
    });
    const consumer = await bus.js.consumers.get(stream, durable);
    const pending = (await consumer.info()).num_pending;
    const letters: DeadLetter[] = [];
    if (pending === 0) return letters;
    for await (const message of await consumer.fetch({ max_messages: pending, expires: 1_000 }))
      letters.push(message.json<DeadLetter>());
    return letters;
  }
});
