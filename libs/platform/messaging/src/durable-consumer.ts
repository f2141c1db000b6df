import { MessageEnvelope } from '@oncall/contracts';
import { runWithLogContext } from '@oncall/platform-observability';
import {
  AckPolicy,
  ConsumerMessages,
  DeliverPolicy,
  JetStreamClient,
  JetStreamManager,
  JsMsg,
  nanos,
} from 'nats';
import { Logger } from 'pino';
import { publishDeadLetter } from './dead-letter';
import { retryDelay, verdictFor } from './failure-policy';
import { decodeJson } from './message-codec';
import { Settlement, settleMessage } from './message-settlement';
import { SubjectNamespace } from './subject-namespace';

export interface DurableConsumerSpec {
  /** Stream and durable names as the contracts give them; the namespace prefixes them. */
  stream: string;
  durable: string;
  filterSubject: string;
  /** Attempts before the message is copied to the dead-letter subject and dropped from this consumer. */
  maxAttempts?: number;
  ackWaitMs?: number;
  /** Delay before the n-th retry; the last entry repeats. */
  retryDelaysMs?: readonly number[];
  /**
   * Messages delivered but not yet acknowledged, across all replicas. 1 keeps strict stream order even
   * with several replicas (each message waits for the previous one's ack).
   */
  maxAckPending?: number;
  /**
   * Where a consumer created for the first time starts: the whole stream (default) or only what is
   * published from then on (a consumer whose replay of history would act on it again, such as paging).
   * It changes nothing for a consumer that exists already.
   */
  startAt?: 'first' | 'new';
}

export interface Delivery {
  subject: string;
  attempt: number;
  /** Times the server delivered it: above 1 after a crash or a shutdown mid-message. */
  deliveryCount: number;
  streamSequence: number;
}

export type EnvelopeHandler = (envelope: MessageEnvelope, delivery: Delivery) => Promise<void>;

export interface ConsumerObserver {
  handled(subject: string, outcome: 'ack' | 'dead-letter' | 'released', seconds: number): void;
  /** A message was moved to the dead-letter stream (counted per source for operators). */
  deadLettered?(source: { stream: string; durable: string }, subject: string): void;
}

const DEFAULTS = {
  maxAttempts: 8,
  /**
   * Short, because the message in hand is kept alive with `working()` heartbeats: a consumer killed
   * mid-message hands it back within seconds, not after a long wait that stalls everything behind it.
   */
  ackWaitMs: 5_000,
  retryDelaysMs: [100, 500, 1_000, 2_000, 5_000, 10_000],
};
/** Heartbeats per ack wait: two can be lost (a long GC pause, a slow socket) before the server redelivers. */
const HEARTBEATS_PER_ACK_WAIT = 3;
/** Longest wait between two tries while a service we depend on does not answer. */
const DEPENDENCY_WAIT_CAP_MS = 30_000;
/** Wait before consuming again after the pull subscription itself failed. */
const RESUBSCRIBE_MS = 1_000;

type Outcome = 'ack' | 'dead-letter' | 'released';

/**
 * A JetStream durable pull consumer with explicit acks. Messages are fetched one at a time and handled in
 * order; a failing message is retried here while it is held (its ack deadline kept alive), so later
 * messages cannot overtake it. A permanent failure is copied to the dead-letter stream at once; a service
 * that does not answer is waited for indefinitely; other failures get `maxAttempts` tries.
 */
export class DurableConsumer {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopping = false;
  private cancelWait?: () => void;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly namespace: SubjectNamespace,
    private readonly spec: DurableConsumerSpec,
    private readonly handler: EnvelopeHandler,
    private readonly logger: Logger,
    private readonly observer?: ConsumerObserver,
  ) {}

  async start(): Promise<void> {
    await this.jsm.consumers.add(this.namespace.stream(this.spec.stream), {
      durable_name: this.namespace.consumer(this.spec.durable),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: this.spec.startAt === 'new' ? DeliverPolicy.New : DeliverPolicy.All,
      filter_subject: this.namespace.subject(this.spec.filterSubject),
      ack_wait: nanos(this.ackWaitMs),
      max_deliver: -1,
      max_ack_pending: this.spec.maxAckPending ?? 1_000,
    });
    this.loop = this.consumeUntilStopped().catch((error: unknown) =>
      this.logger.error({ err: error, durable: this.spec.durable }, 'Consumer stopped unexpectedly'),
    );
  }

  /** Stops fetching, lets the message in hand finish (or hands it back if it is waiting to retry). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.cancelWait?.();
    this.messages?.stop();
    await this.loop;
  }

  private get ackWaitMs(): number {
    return this.spec.ackWaitMs ?? DEFAULTS.ackWaitMs;
  }

  /** One message in the client's buffer at a time: nothing waits there while its ack deadline runs out. */
  private async consumeUntilStopped(): Promise<void> {
    while (!this.stopping) {
      try {
        const consumer = await this.js.consumers.get(
          this.namespace.stream(this.spec.stream),
          this.namespace.consumer(this.spec.durable),
        );
        this.messages = await consumer.consume({ max_messages: 1 });
        for await (const message of this.messages) {
          if (this.stopping) this.settle(message, 'nak');
          else await this.handle(message);
        }
      } catch (error) {
        this.logger.error({ err: error, durable: this.spec.durable }, 'Consuming failed; subscribing again');
        await this.pause(RESUBSCRIBE_MS);
      }
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    const started = process.hrtime.bigint();
    const subject = this.namespace.unqualify(message.subject);
    const heartbeat = setInterval(
      () => this.settle(message, 'working'),
      Math.max(this.ackWaitMs / HEARTBEATS_PER_ACK_WAIT, 100),
    );
    try {
      const outcome = await this.attemptUntilSettled(message, subject);
      this.observer?.handled(subject, outcome, Number(process.hrtime.bigint() - started) / 1e9);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async attemptUntilSettled(message: JsMsg, subject: string): Promise<Outcome> {
    let envelope: MessageEnvelope | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        envelope ??= decodeJson<MessageEnvelope>(message.data);
        const current = envelope;
        const delivery = {
          subject,
          attempt,
          deliveryCount: message.info.deliveryCount,
          streamSequence: message.seq,
        };
        await runWithLogContext({ ...current.metadata, subject }, () => this.handler(current, delivery));
      } catch (error) {
        const outcome = await this.afterFailure(message, error as Error, attempt, {
          ...envelope?.metadata,
          subject,
        });
        if (outcome) return outcome;
        continue;
      }
      // Outside the try: an ack that cannot be sent is no reason to run the handler again here.
      return this.settle(message, 'ack') ? 'ack' : 'released';
    }
  }

  private settle(message: JsMsg, action: Settlement, delayMs?: number): boolean {
    return settleMessage(message, action, this.logger, this.spec.durable, delayMs);
  }

  /** Settles the message (dead letter, hand back) or returns undefined to try again. */
  private async afterFailure(
    message: JsMsg,
    failure: Error,
    attempt: number,
    logContext: { subject: string },
  ): Promise<Outcome | undefined> {
    const verdict = verdictFor(failure, attempt, this.spec.maxAttempts ?? DEFAULTS.maxAttempts);
    const context = { ...logContext, attempt, err: failure };
    if (verdict === 'dead-letter') return this.deadLetter(message, failure, attempt, context);
    this.logger.warn(context, `Handling failed (${verdict}), will retry: ${failure.message}`);
    const delays = this.spec.retryDelaysMs ?? DEFAULTS.retryDelaysMs;
    const cap = verdict === 'wait-for-dependency' ? DEPENDENCY_WAIT_CAP_MS : Number.MAX_SAFE_INTEGER;
    if (await this.pause(retryDelay(delays, attempt, cap))) return undefined;
    this.settle(message, 'nak');
    return 'released';
  }

  private async deadLetter(
    message: JsMsg,
    failure: Error,
    attempts: number,
    context: { subject: string },
  ): Promise<Outcome> {
    const source = { stream: this.spec.stream, durable: this.spec.durable };
    this.logger.error({ ...context, ...source }, `Moving message to dead letters: ${failure.message}`);
    try {
      await publishDeadLetter(this.js, this.namespace, source, message, failure, attempts);
    } catch (error) {
      // Never drop it: hand it back and let it come round again.
      this.logger.error(
        { ...context, err: error },
        'Could not publish the dead letter; handing the message back',
      );
      this.settle(message, 'nak', DEPENDENCY_WAIT_CAP_MS);
      return 'released';
    }
    this.settle(message, 'term');
    this.observer?.deadLettered?.(source, context.subject);
    return 'dead-letter';
  }

  /** Waits; resolves false at once when the consumer is stopping. */
  private pause(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.stopping) return resolve(false);
      const timer = setTimeout(() => resolve(!this.stopping), ms);
      this.cancelWait = () => {
        clearTimeout(timer);
        resolve(false);
      };
    });
  }
}
