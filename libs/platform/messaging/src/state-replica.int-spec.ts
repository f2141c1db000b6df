import { StateRecord, stateSubject, Streams } from '@oncall/contracts';
import { createTestNamespace, TEST_NATS_URL, waitFor } from '@oncall/platform-testing';
import pino from 'pino';
import { MessageBus } from './message-bus';
import { encodeJson } from './message-codec';
import { StateReplica } from './state-replica';
import { closeTestBus, openTestBus } from './testing/test-bus';

interface Widget {
  name: string;
}

const silent = pino({ level: 'silent' });

describe('StateReplica (real NATS)', () => {
  let namespace: { prefix: string; cleanup(): Promise<void> };
  let bus: MessageBus;
  const replicas: StateReplica<Widget>[] = [];

  beforeAll(async () => {
    namespace = createTestNamespace('replica');
    bus = await openTestBus(namespace, TEST_NATS_URL, 'replica-test', [Streams.state]);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await closeTestBus(bus, namespace);
  });

  async function publish(resourceType: string, resourceId: string, view: Widget | null): Promise<void> {
    const record: StateRecord<Widget> = {
      resourceType,
      orgId: 'org-1',
      resourceId,
      deleted: view === null,
      view,
      publishedAt: new Date().toISOString(),
    };
    await bus.js.publish(
      bus.namespace.subject(stateSubject('test', resourceType, resourceId)),
      encodeJson(record),
    );
  }

  async function startReplica(resourceType: string): Promise<StateReplica<Widget>> {
    const replica = new StateReplica<Widget>(bus, { context: 'test', resourceType }, silent);
    replicas.push(replica);
    await replica.start();
    return replica;
  }

  it('is ready at once on an empty stream, then follows new records', async () => {
    const replica = await startReplica('empty');
    expect(replica.size).toBe(0);
    await publish('empty', 'w1', { name: 'first' });
    await waitFor('the new record', () => replica.get('w1')?.name === 'first');
  });

  it('starts from the latest view of each resource, forgets deleted ones, and ignores other types', async () => {
    await publish('widget', 'a', { name: 'a1' });
    await publish('widget', 'a', { name: 'a2' });
    await publish('widget', 'b', { name: 'b1' });
    await publish('widget', 'b', null);
    await publish('widget', 'odd id with.dots', { name: 'c1' });
    await publish('gadget', 'a', { name: 'not a widget' });
    const replica = await startReplica('widget');
    expect(replica.get('a')).toEqual({ name: 'a2' });
    expect(replica.get('b')).toBeUndefined();
    expect(replica.get('odd id with.dots')).toEqual({ name: 'c1' });
    expect([...replica.views()].map((view) => view.name).sort()).toEqual(['a2', 'c1']);
  });

  it('keeps only the last record per resource in the stream, so a late starter reads a bounded amount', async () => {
    for (let version = 1; version <= 50; version++) await publish('bounded', 'x', { name: `v${version}` });
    const info = await bus.jsm.streams.info(bus.namespace.stream(Streams.state.name), {
      subjects_filter: bus.namespace.subject(stateSubject('test', 'bounded', 'x')),
    });
    expect(Object.values(info.state.subjects ?? {})).toEqual([1]);
    const seen: string[] = [];
    const replica = new StateReplica<Widget>(bus, { context: 'test', resourceType: 'bounded' }, silent);
    replica.onChange((record) => seen.push(record.view!.name));
    replicas.push(replica);
    await replica.start();
    expect(seen).toEqual(['v50']);
  });

  it('is ready when a record is republished between its consumer starting and the load (republish injected there)', async () => {
    // nats-server 2.9 then delivers the new record still counting the removed one as pending: a copy
    // waiting for "pending 0" never became ready (a restarted admin-api republishes every record).
    await publish('republished', 'r', { name: 'before' });
    const republishOnceTheConsumerStarted = Object.create(bus.js) as typeof bus.js;
    Object.defineProperty(republishOnceTheConsumerStarted, 'consumers', {
      value: {
        get: async (...args: Parameters<typeof bus.js.consumers.get>) => {
          const consumer = await bus.js.consumers.get(...args);
          const info = consumer.info.bind(consumer);
          return Object.assign(consumer, {
            info: async (cached?: boolean) => {
              const started = await info(cached);
              await publish('republished', 'r', { name: 'after' });
              return started;
            },
          });
        },
      },
    });
    const republishingBus = Object.create(bus, {
      js: { value: republishOnceTheConsumerStarted },
    }) as MessageBus;
    const replica = new StateReplica<Widget>(
      republishingBus,
      { context: 'test', resourceType: 'republished' },
      silent,
    );
    replicas.push(replica);
    const notReady = new Promise<'not ready'>((resolve) =>
      setTimeout(() => resolve('not ready'), 5_000).unref(),
    );
    expect(await Promise.race([replica.start().then(() => 'ready'), notReady])).toBe('ready');
    expect(replica.get('r')).toEqual({ name: 'after' });
  });

  it('tells listeners about each change with the previous record', async () => {
    const replica = await startReplica('listened');
    const changes: [string | undefined, string | undefined][] = [];
    replica.onChange((current, previous) => changes.push([previous?.view?.name, current.view?.name]));
    await publish('listened', 'l', { name: 'one' });
    await publish('listened', 'l', { name: 'two' });
    await publish('listened', 'l', null);
    await waitFor('three changes', () => changes.length === 3);
    expect(changes).toEqual([
      [undefined, 'one'],
      ['one', 'two'],
      ['two', undefined],
    ]);
  });
});
