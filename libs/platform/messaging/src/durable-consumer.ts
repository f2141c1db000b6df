import { deadLetterSubject, MessageEnvelope } from '@oncall/contracts';
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
import { decodeJson, UndecodableMessageError } from './message-codec';
import { isPermanentFailure } from './rpc-errors';
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
}

const DEFAULTS = {
  maxAttempts: 8,
  ackWaitMs: 30_000,
  retryDelaysMs: [100, 500, 1_000, 2_000, 5_000, 10_000],
};

/**
 * A JetStream durable pull consumer with explicit acks. Messages are handled one at a time, in order. A
 * transient failure is retried here, holding the message (so later messages cannot overtake it); after
 * `maxAttempts`, or at once for a permanent failure (an unreadable body, a typed refusal), the message is
 * copied to the dead-letter subject with the error and terminated, so nothing is dropped silently.
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
    const stream = this.namespace.stream(this.spec.stream);
    const durable = this.namespace.consumer(this.spec.durable);
    await this.jsm.consumers.add(stream, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: this.namespace.subject(this.spec.filterSubject),
      ack_wait: nanos(this.spec.ackWaitMs ?? DEFAULTS.ackWaitMs),
      max_deliver: -1,
      max_ack_pending: this.spec.maxAckPending ?? 1_000,
    });
    const consumer = await this.js.consumers.get(stream, durable);
    this.messages = await consumer.consume({ max_messages: Math.min(this.spec.maxAckPending ?? 100, 100) });
    this.loop = this.run(this.messages);
  }

  /** Stops fetching, lets the message in hand finish (or hands it back if it is waiting to retry). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.cancelWait?.();
    this.messages?.stop();
    await this.loop;
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      if (this.stopping) {
        message.nak();
        continue;
      }
      await this.handle(message);
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    const started = process.hrtime.bigint();
    const subject = this.namespace.unqualify(message.subject);
    const outcome = await this.attemptUntilSettled(message, subject);
    this.observer?.handled(subject, outcome, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private async attemptUntilSettled(
    message: JsMsg,
    subject: string,
  ): Promise<'ack' | 'dead-letter' | 'released'> {
    const maxAttempts = this.spec.maxAttempts ?? DEFAULTS.maxAttempts;
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
        message.ack();
        return 'ack';
      } catch (error) {
        const failure = error as Error;
        const permanent = failure instanceof UndecodableMessageError || isPermanentFailure(failure);
        const context = { ...envelope?.metadata, subject, attempt, err: failure };
        if (permanent || attempt >= maxAttempts) {
          const why = permanent ? 'permanent failure' : `failed ${attempt} times`;
          this.logger.error(context, `Moving message to dead letters (${why}): ${failure.message}`);
          await this.deadLetter(message, failure, attempt);
          message.term();
          return 'dead-letter';
        }
        this.logger.warn(context, `Handling failed, will retry: ${failure.message}`);
        message.working();
        if (!(await this.waitBeforeRetry(attempt))) {
          message.nak();
          return 'released';
        }
      }
    }
  }

  /** Resolves false when the consumer is stopping, so the message is handed back instead. */
  private waitBeforeRetry(attempt: number): Promise<boolean> {
    const delays = this.spec.retryDelaysMs ?? DEFAULTS.retryDelaysMs;
    const ms = delays[Math.min(attempt - 1, delays.length - 1)] ?? 1_000;
    return new Promise((resolve) => {
      if (this.stopping) return resolve(false);
      const timer = setTimeout(() => resolve(!this.stopping), ms);
      this.cancelWait = () => {
        clearTimeout(timer);
        resolve(false);
      };
    });
  }

  private async deadLetter(message: JsMsg, error: Error, attempts: number): Promise<void> {
    const subject = deadLetterSubject(this.spec.stream, this.spec.durable);
    const body = new TextEncoder().encode(
      JSON.stringify({
        stream: this.spec.stream,
        durable: this.spec.durable,
        subject: this.namespace.unqualify(message.subject),
        streamSequence: message.seq,
        attempts,
        error: error.message,
        failedAt: new Date().toISOString(),
        body: new TextDecoder().decode(message.data),
      }),
    );
    await this.js.publish(this.namespace.subject(subject), body, {
      msgID: `${this.spec.stream}:${this.spec.durable}:${message.seq}`,
      headers: message.headers,
    });
  }
}
