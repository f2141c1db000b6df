import { MessageEnvelope, Streams } from '@oncall/contracts';
import { createTestNamespace, TEST_NATS_URL } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { CoalescingPublisher } from './coalescing-publisher';
import { MessageBus } from './message-bus';
import { closeTestBus, openTestBus, TestNamespace } from './testing/test-bus';

function envelope(): MessageEnvelope {
  return {
    type: 'Tested',
    data: { at: 'now' },
    metadata: {
      eventId: randomUUID(),
      orgId: 'org-1',
      correlationId: 'corr',
      causationId: null,
      occurredAt: '2027-01-01T00:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

describe('CoalescingPublisher (real NATS)', () => {
  let namespace: TestNamespace;
  let bus: MessageBus;

  beforeAll(async () => {
    namespace = createTestNamespace('coalesce');
    bus = await openTestBus(namespace, TEST_NATS_URL, 'coalescing-test', [Streams.alerts]);
  });
  afterAll(() => closeTestBus(bus, namespace));

  it('stores every message asked for in one turn, each acknowledged on its own', async () => {
    const publisher = new CoalescingPublisher(bus.publisher);
    const results = await Promise.all(
      Array.from({ length: 300 }, () => publisher.publish('oncall.evt.ingest.tested.v1', envelope())),
    );
    expect(new Set(results.map((result) => result.sequence)).size).toBe(300);
    const info = await bus.jsm.streams.info(bus.namespace.stream(Streams.alerts.name));
    expect(info.state.messages).toBe(300);
  });

  it('fails only the message the stream refused', async () => {
    const publisher = new CoalescingPublisher(bus.publisher);
    const [stored, refused] = await Promise.allSettled([
      publisher.publish('oncall.evt.ingest.tested.v1', envelope()),
      publisher.publish('oncall.nowhere.tested', envelope()),
    ]);
    expect(stored.status).toBe('fulfilled');
    expect(refused.status).toBe('rejected');
  });
});
