import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  escalationEventSubject,
  MessageEnvelope,
  NOTIFY_REQUESTED,
  NotificationConsumers,
  NotifyRequested,
  Streams,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import {
  decodeJson,
  isPermanentFailure,
  MessageBus,
  publishDeadLetter,
  RpcError,
} from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JsMsg, nanos } from 'nats';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { DeliverySender } from '../delivery/delivery-sender.worker';
import { PagePlanner, ReceivedPage } from './page-planner';

/** Pages planned per transaction: a storm is planned a batch at a time, not a message at a time. */
const BATCH = 100;
/** How long a batch waits for more pages already on their way before it is planned. */
const LINGER_MS = 2;
/** Deliveries of one message, in the one-by-one fallback, before it is set aside as a dead letter. */
const MAX_DELIVERIES = 8;
const SPEC = { stream: Streams.escalation.name, durable: NotificationConsumers.notifyRequested };

/**
 * Every page from the escalation engine (one NotifyRequested per person), from a durable JetStream
 * consumer with explicit acks, planned in batches: what is at hand (up to 100) in one short transaction,
 * acknowledged after it commits. Idempotent by page id, so a redelivered request sends nothing twice. If a
 * batch fails, its pages are planned one by one, so one bad page cannot hold the others back: a refused
 * one is dead-lettered, a failing one handed back to be tried again later.
 */
@Injectable()
export class NotifyRequestedConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private stopping = false;
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;

  constructor(
    private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
    private readonly planner: PagePlanner,
    private readonly sender: DeliverySender,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.jsm.consumers.add(this.bus.namespace.stream(SPEC.stream), {
      durable_name: this.bus.namespace.consumer(SPEC.durable),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: this.bus.namespace.subject(escalationEventSubject(NOTIFY_REQUESTED)),
      ack_wait: nanos(60_000),
      max_deliver: -1,
      max_ack_pending: 1_000,
    });
    this.loop = this.consumeUntilStopped();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.messages?.stop();
    await this.loop;
  }

  private async consumeUntilStopped(): Promise<void> {
    while (!this.stopping) {
      try {
        const consumer = await this.bus.js.consumers.get(this.bus.namespace.stream(SPEC.stream), this.bus.namespace.consumer(SPEC.durable)); // prettier-ignore
        this.messages = await consumer.consume({ max_messages: 2 * BATCH });
        await this.readBatches(this.messages);
      } catch (error) {
        if (this.stopping || this.bus.nc.isClosed()) return;
        this.logger.error({ err: error, durable: SPEC.durable }, 'Consuming pages failed; subscribing again');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  /** Takes what is at hand, up to a batch, lingering a moment for pages already on their way. */
  private async readBatches(messages: ConsumerMessages): Promise<void> {
    const iterator = messages[Symbol.asyncIterator]();
    let next = iterator.next();
    while (!this.stopping) {
      const first = await next;
      if (first.done) return;
      const batch = [first.value];
      next = iterator.next();
      while (batch.length < BATCH) {
        const more = await Promise.race([next, new Promise<null>((resolve) => setTimeout(() => resolve(null), LINGER_MS))]); // prettier-ignore
        if (more === null || more.done) break;
        batch.push(more.value);
        next = iterator.next();
      }
      await this.handle(batch);
    }
  }

  private async handle(batch: readonly JsMsg[]): Promise<void> {
    const readable: { message: JsMsg; page: ReceivedPage }[] = [];
    for (const message of batch) {
      try {
        readable.push({ message, page: received(message) });
      } catch (error) {
        await this.deadLetter(message, error as Error);
      }
    }
    if (readable.length === 0) return;
    try {
      const planned = await this.plan(readable.map((entry) => entry.page));
      for (const { message } of readable) message.ack();
      if (planned > 0) this.sender.poke();
    } catch (error) {
      this.logger.warn(
        { err: error, pages: readable.length },
        'Planning a batch of pages failed; one by one',
      );
      for (const entry of readable) await this.handleAlone(entry.message, entry.page);
    }
  }

  private async handleAlone(message: JsMsg, page: ReceivedPage): Promise<void> {
    try {
      if ((await this.plan([page])) > 0) this.sender.poke();
      message.ack();
    } catch (error) {
      if (isPermanentFailure(error) || message.info.deliveryCount >= MAX_DELIVERIES) {
        await this.deadLetter(message, error as Error);
      } else {
        this.logger.error(
          { err: error, pageId: page.request.pageId },
          'A page could not be planned; again shortly',
        );
        message.nak(5_000 * message.info.deliveryCount);
      }
    }
  }

  private plan(pages: readonly ReceivedPage[]): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction((tx) => this.planner.accept(tx, pages, now));
  }

  private async deadLetter(message: JsMsg, error: Error): Promise<void> {
    this.logger.error({ err: error, seq: message.seq }, `Setting a page request aside: ${error.message}`);
    try {
      await publishDeadLetter(
        this.bus.js,
        this.bus.namespace,
        SPEC,
        message,
        error,
        message.info.deliveryCount,
      );
      message.term();
    } catch (publishError) {
      // Never drop it: hand it back and let it come round again.
      this.logger.error({ err: publishError }, 'Could not publish the dead letter; handing the page back');
      message.nak(30_000);
    }
  }
}

/** A request for another organization than the message's, or without its ids, is refused for good. */
function received(message: JsMsg): ReceivedPage {
  const { data, metadata } = decodeJson<MessageEnvelope<string, NotifyRequested>>(message.data);
  const wellFormed =
    typeof data?.pageId === 'string' &&
    typeof data.incidentId === 'string' &&
    typeof data.userId === 'string' &&
    (data.kind === 'page' || data.kind === 'unanswered') &&
    (data.urgency === 'high' || data.urgency === 'low') &&
    !Number.isNaN(Date.parse(data.requestedAt)) &&
    typeof data.incident === 'object' &&
    data.incident !== null;
  if (!wellFormed) throw new RpcError('VALIDATION_FAILED', 'NotifyRequested is missing required fields.');
  if (data.orgId !== metadata?.orgId) {
    throw new RpcError('FORBIDDEN', 'NotifyRequested names another organization than its message.');
  }
  const generation = Number.isInteger(data.generation) ? data.generation : 1;
  return { request: { ...data, generation }, correlationId: metadata.correlationId ?? null };
}
