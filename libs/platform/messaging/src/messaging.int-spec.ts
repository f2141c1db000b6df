import { deadLetterSubject, MessageEnvelope, Streams } from '@oncall/contracts';
import { createLogger } from '@oncall/platform-observability';
import { createTestNamespace, TEST_NATS_URL, waitFor } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy } from 'nats';
import { DurableConsumer } from './durable-consumer';
import { MessageBus } from './message-bus';
import { RpcError, RpcUnavailableError } from './rpc-errors';
import { RpcResponder } from './rpc-responder';
import { closeTestBus, openTestBus, WORK, workEnvelope } from './testing/test-bus';

const logger = createLogger('messaging-test', 'silent');

const envelope = (n: number) => workEnvelope({ n });

describe('Messaging over a real NATS server', () => {
  let namespace: { prefix: string; cleanup(): Promise<void> };
  let bus: MessageBus;
  beforeEach(async () => {
    namespace = createTestNamespace('msg');
    bus = await openTestBus(namespace, TEST_NATS_URL, 'messaging-test', [WORK]);
  });
  afterEach(() => closeTestBus(bus, namespace));

  const consumer = (durable: string, handler: (env: MessageEnvelope) => Promise<void>, maxAttempts = 3) =>
    new DurableConsumer(
      bus.js,
      bus.jsm,
      bus.namespace,
      { stream: 'WORK', durable, filterSubject: 'work.>', maxAttempts, retryDelaysMs: [10] },
      handler,
      logger,
    );

  it('creates streams idempotently (a second start changes nothing and does not fail)', async () => {
    const again = await MessageBus.connect({
      url: TEST_NATS_URL,
      connectionName: 'again',
      subjectPrefix: namespace.prefix,
      streams: [WORK],
    });
    await again.close();
    const info = await bus.jsm.streams.info(`${namespace.prefix}_WORK`);
    expect(info.config.subjects).toEqual([`${namespace.prefix}.work.>`]);
  });

  it('drops a second publish with the same event id (Nats-Msg-Id)', async () => {
    const message = envelope(1);
    const first = await bus.publisher.publish('work.a', message);
    const second = await bus.publisher.publish('work.a', message);
    expect([first.duplicate, second.duplicate, second.sequence]).toEqual([false, true, first.sequence]);
  });

  it('handles messages in order, retrying a transient failure without letting later ones overtake it', async () => {
    const seen: number[] = [];
    let failuresLeft = 2;
    const worker = consumer('ordered', async (env) => {
      const n = (env.data as { n: number }).n;
      if (n === 2 && failuresLeft-- > 0) throw new Error('database hiccup');
      seen.push(n);
    });
    await worker.start();
    for (let n = 1; n <= 5; n++) await bus.publisher.publish('work.a', envelope(n));
    await waitFor('all five handled', () => seen.length === 5);
    await worker.stop();
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('dead-letters a message after the last attempt, with the error, and moves on', async () => {
    const handled: number[] = [];
    const worker = consumer('poison', async (env) => {
      const n = (env.data as { n: number }).n;
      if (n === 1) throw new Error('cannot process this one');
      handled.push(n);
    });
    await worker.start();
    await bus.publisher.publish('work.a', envelope(1));
    await bus.publisher.publish('work.a', envelope(2));
    await waitFor('the next message handled', () => handled.includes(2));
    await worker.stop();
    const dead = await readDeadLetters(bus, namespace.prefix, deadLetterSubject('WORK', 'poison'));
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ attempts: 3, error: 'cannot process this one', subject: 'work.a' });
  });

  it('keeps retrying while a service it depends on does not answer, past maxAttempts, and loses nothing', async () => {
    let unanswered = 10;
    const handled: number[] = [];
    const worker = consumer('waits', async (env) => {
      if (unanswered-- > 0)
        throw new RpcUnavailableError('oncall.cmd.incident.trigger-incident', 'no-responders');
      handled.push((env.data as { n: number }).n);
    });
    await worker.start();
    await bus.publisher.publish('work.a', envelope(1));
    await waitFor('the message handled once the service answers', () => handled.length === 1);
    await worker.stop();
    expect(handled).toEqual([1]);
    expect(await readDeadLetters(bus, namespace.prefix, deadLetterSubject('WORK', 'waits'))).toEqual([]);
  });

  it('dead-letters a typed refusal at once, without retrying', async () => {
    let calls = 0;
    const worker = consumer('refused', async () => {
      calls += 1;
      throw new RpcError('INCIDENT_RESOLVED', 'already resolved');
    });
    await worker.start();
    await bus.publisher.publish('work.a', envelope(1));
    const dead = await waitFor('a dead letter', async () => {
      const letters = await readDeadLetters(bus, namespace.prefix, deadLetterSubject('WORK', 'refused'));
      return letters.length === 1 ? letters : undefined;
    });
    await worker.stop();
    expect([calls, dead[0].attempts]).toEqual([1, 1]);
  });

  it('answers requests with data, typed errors, and hides unexpected ones', async () => {
    const responder = new RpcResponder(bus.nc, bus.namespace, 'test', logger);
    responder.listen('oncall.qry.test.*', async (request, subject) => {
      if (subject.endsWith('ok')) return { echoed: request.data, orgId: request.context.orgId };
      if (subject.endsWith('refuse')) throw new RpcError('NOT_FOUND', 'No such thing.', { id: 7 });
      throw new Error('secret internal detail');
    });
    const context = { orgId: 'org-1', correlationId: 'c', causationId: null };
    await expect(bus.rpc.request('oncall.qry.test.ok', { a: 1 }, context)).resolves.toEqual({
      echoed: { a: 1 },
      orgId: 'org-1',
    });
    await expect(bus.rpc.request('oncall.qry.test.refuse', {}, context)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'No such thing.',
      details: { id: 7 },
    });
    const internal = await bus.rpc
      .request('oncall.qry.test.boom', {}, context)
      .catch((error: RpcError) => error);
    expect(internal).toMatchObject({ code: 'INTERNAL' });
    expect((internal as Error).message).not.toContain('secret');
    await responder.close();
  });

  it('reports no responders and timeouts as UNAVAILABLE', async () => {
    const context = { orgId: 'org-1', correlationId: 'c', causationId: null };
    const none = (await bus.rpc
      .request('oncall.qry.nobody.home', {}, context)
      .catch((error) => error)) as RpcError;
    expect(none).toBeInstanceOf(RpcUnavailableError);
    expect(none.details).toEqual({ subject: 'oncall.qry.nobody.home', reason: 'no-responders' });

    const slow = new RpcResponder(bus.nc, bus.namespace, 'slow', logger);
    slow.listen('oncall.qry.slow', () => new Promise((resolve) => setTimeout(resolve, 500)));
    const late = (await bus.rpc
      .request('oncall.qry.slow', {}, context, 100)
      .catch((error) => error)) as RpcError;
    expect(late).toBeInstanceOf(RpcUnavailableError);
    expect(late.details?.reason).toBe('timeout');
    await slow.close();
  });
});

async function readDeadLetters(bus: MessageBus, prefix: string, subject: string) {
  const stream = `${prefix}_${Streams.deadLetters.name}`;
  const durable = `reader-${randomUUID().slice(0, 8)}`;
  await bus.jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.All,
    filter_subject: `${prefix}.${subject}`,
  });
  const consumer = await bus.js.consumers.get(stream, durable);
  const pending = (await consumer.info()).num_pending;
  if (pending === 0) return [];
  const letters: { attempts: number; error: string; subject: string }[] = [];
  for await (const message of await consumer.fetch({ max_messages: pending, expires: 1_000 }))
    letters.push(message.json());
  return letters;
}
