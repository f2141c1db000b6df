import { Controller, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { MessageEnvelope, StateRecord, stateSubject, Streams } from '@oncall/contracts';
import { loadConfig, ServiceConfig } from '@oncall/platform-config';
import { DurableEventPattern, encodeJson, LocalStateCopies, MessageBus } from '@oncall/platform-messaging';
import {
  createTestDatabase,
  createTestNamespace,
  TEST_NATS_URL,
  TestDatabase,
  waitFor,
} from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { RunningService, startService } from './create-service';
import { LOGGER } from './tokens';

const THINGS = 2_000;
const CONTEXT = 'startorder';
const EVENT_SUBJECT = 'oncall.evt.incident.startorder';

@Injectable()
class ThingCopies extends LocalStateCopies {
  readonly things = this.copy<{ orgId: string }>({ context: CONTEXT, resourceType: 'thing' });

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    super(bus, logger);
  }
}

/** What a worker starting in its bootstrap hook, and a message handler, found in the copy. */
@Injectable()
class Seen {
  atBootstrap?: number;
  byHandler?: { things: number; afterBootstrap: boolean };
}

@Injectable()
class BootstrapProbe implements OnApplicationBootstrap {
  constructor(
    private readonly copies: ThingCopies,
    private readonly seen: Seen,
  ) {}

  onApplicationBootstrap(): void {
    this.seen.atBootstrap = this.copies.things.size;
  }
}

@Controller()
class ProbeConsumer {
  constructor(
    private readonly copies: ThingCopies,
    private readonly seen: Seen,
  ) {}

  @DurableEventPattern(EVENT_SUBJECT, Streams.incidents, 'start-order-probe')
  handle(@Payload() _envelope: MessageEnvelope): void {
    this.seen.byHandler ??= {
      things: this.copies.things.size,
      afterBootstrap: this.seen.atBootstrap !== undefined,
    };
  }
}

@Module({ controllers: [ProbeConsumer], providers: [ThingCopies, Seen, BootstrapProbe] })
class StartOrderModule {}

/**
 * The order a service starts in (ADR 0234): local copies are loaded in the init hooks, before any
 * bootstrap hook (where workers such as timer loops start), and messages are taken only after both.
 */
describe('Service start order', () => {
  let database: TestDatabase;
  let namespace: { prefix: string; cleanup(): Promise<void> };
  let service: RunningService | undefined;

  beforeAll(async () => {
    [database, namespace] = await Promise.all([createTestDatabase('startorder'), createTestNamespace('startorder')]); // prettier-ignore
    const bus = await MessageBus.connect({
      url: TEST_NATS_URL,
      connectionName: 'start-order-spec',
      subjectPrefix: namespace.prefix,
      streams: [Streams.incidents],
    });
    try {
      // A copy that takes a while to replay, and a message waiting for the service's consumer.
      await Promise.all(
        Array.from({ length: THINGS }, (_, i) => {
          const record: StateRecord<{ orgId: string }> = {
            resourceType: 'thing',
            orgId: 'org-a',
            resourceId: `thing-${i}`,
            deleted: false,
            view: { orgId: 'org-a' },
            publishedAt: new Date().toISOString(),
          };
          const subject = stateSubject(CONTEXT, 'thing', record.resourceId);
          return bus.js.publish(bus.namespace.subject(subject), encodeJson(record));
        }),
      );
      const at = new Date().toISOString();
      await bus.publisher.publish(EVENT_SUBJECT, {
        type: 'StartOrderProbed',
        data: {},
        metadata: { eventId: randomUUID(), orgId: 'org-a', correlationId: randomUUID(), causationId: null, occurredAt: at, schemaVersion: 1 }, // prettier-ignore
      });
    } finally {
      await bus.close();
    }
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    await Promise.all([database.drop(), namespace.cleanup()]);
  });

  it('loads the copies before any bootstrap hook runs, and takes the first message after both', async () => {
    const config = loadConfig(ServiceConfig, {
      DATABASE_URL: database.url,
      NATS_URL: TEST_NATS_URL,
      NATS_SUBJECT_PREFIX: namespace.prefix,
      LOG_LEVEL: 'silent',
    });
    service = await startService({
      serviceName: 'start-order',
      config,
      schema: 'start_order',
      migrations: [],
      streams: [Streams.incidents],
      module: StartOrderModule,
    });
    const seen = service.app.get(Seen);
    expect(seen.atBootstrap).toBe(THINGS);
    const byHandler = await waitFor('the waiting message to be handled', () => seen.byHandler);
    expect(byHandler).toEqual({ things: THINGS, afterBootstrap: true });
  });
});
