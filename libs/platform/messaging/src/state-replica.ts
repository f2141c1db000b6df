import { StateRecord, stateSubjectFilter, Streams } from '@oncall/contracts';
import { ConsumerMessages, DeliverPolicy, JsMsg } from 'nats';
import { Logger } from 'pino';
import { MessageBus } from './message-bus';
import { decodeJson } from './message-codec';

export interface StateReplicaSpec {
  /** The owning context and resource type, as in `stateSubject(context, resourceType, id)`. */
  context: string;
  resourceType: string;
}

export type StateChangeListener<TView> = (
  current: StateRecord<TView>,
  previous: StateRecord<TView> | undefined,
) => void;

/** JetStream's answer to a message lookup that finds none. */
const NO_MESSAGE_FOUND = 10037;

/** Wait before following the stream again after the subscription itself failed. */
const RESUBSCRIBE_MS = 1_000;

/**
 * An in-memory copy of every resource of one type, built at start from ONCALL_STATE (last message per
 * subject) and kept current from the same ordered consumer. Reads never leave the process, so the owner
 * being down or slow cannot stop the reader; the copy is as fresh as the owner's outbox relay.
 */
export class StateReplica<TView> {
  private readonly records = new Map<string, StateRecord<TView>>();
  private readonly listeners: StateChangeListener<TView>[] = [];
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopping = false;
  private caughtUp = false;
  private markCaughtUp!: () => void;
  /** Resolves once the copy holds everything the stream held when the replica started. */
  readonly ready = new Promise<void>((resolve) => (this.markCaughtUp = resolve));

  constructor(
    private readonly bus: MessageBus,
    private readonly spec: StateReplicaSpec,
    private readonly logger: Logger,
  ) {}

  /** Starts following the stream and resolves once caught up. */
  async start(): Promise<void> {
    this.loop = this.followUntilStopped();
    await this.ready;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.messages?.stop();
    await this.loop;
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  /** The live (not deleted) view of a resource. */
  get(resourceId: string): TView | undefined {
    const record = this.records.get(resourceId);
    return record && !record.deleted && record.view !== null ? record.view : undefined;
  }

  /** Every live view. */
  *views(): IterableIterator<TView> {
    for (const record of this.records.values()) {
      if (!record.deleted && record.view !== null) yield record.view;
    }
  }

  get size(): number {
    return this.records.size;
  }

  /** Called for every change applied (also during the initial load), in stream order. */
  onChange(listener: StateChangeListener<TView>): void {
    this.listeners.push(listener);
  }

  private async followUntilStopped(): Promise<void> {
    let afterSequence = 0;
    let newestAtStart: number | undefined;
    while (!this.stopping && !this.bus.nc.isClosed()) {
      try {
        newestAtStart ??= await this.newestSequence();
        const consumer = await this.bus.js.consumers.get(
          this.bus.namespace.stream(Streams.state.name),
          afterSequence === 0
            ? { filterSubjects: this.subjectFilter, deliver_policy: DeliverPolicy.LastPerSubject }
            : {
                filterSubjects: this.subjectFilter,
                deliver_policy: DeliverPolicy.StartSequence,
                opt_start_seq: afterSequence + 1,
              },
        );
        if (!this.caughtUp && (await consumer.info()).num_pending === 0) this.becomeCaughtUp();
        this.messages = await consumer.consume({ max_messages: 1_000 });
        for await (const message of this.messages) {
          this.apply(message);
          afterSequence = message.seq;
          if (!this.caughtUp && (message.seq >= newestAtStart || message.info.pending === 0))
            this.becomeCaughtUp();
        }
      } catch (error) {
        if (this.stopping || this.bus.nc.isClosed()) return;
        this.logger.error({ err: error, ...this.spec }, 'Following the state stream failed; again shortly');
        await new Promise((resolve) => setTimeout(resolve, RESUBSCRIBE_MS));
      }
    }
  }

  /**
   * The stream sequence of the newest record of this type now, 0 when there is none. Once the copy has
   * applied that record (or a later one: a record republished meanwhile replaces it at a higher sequence),
   * it holds everything the stream held at start. The consumer's pending count alone cannot say so:
   * nats-server 2.9 can still count a last-per-subject message that a republish removed before delivery,
   * and a copy waiting for 0 then waits forever.
   */
  private async newestSequence(): Promise<number> {
    try {
      const newest = await this.bus.jsm.streams.getMessage(this.bus.namespace.stream(Streams.state.name), {
        last_by_subj: this.subjectFilter,
      });
      return newest.seq;
    } catch (error) {
      if ((error as { api_error?: { err_code?: number } }).api_error?.err_code === NO_MESSAGE_FOUND) return 0;
      throw error;
    }
  }

  private get subjectFilter(): string {
    return this.bus.namespace.subject(stateSubjectFilter(this.spec.context, this.spec.resourceType));
  }

  private apply(message: JsMsg): void {
    let record: StateRecord<TView>;
    try {
      record = decodeJson<StateRecord<TView>>(message.data);
    } catch (error) {
      this.logger.error({ err: error, subject: message.subject }, 'Unreadable state record skipped');
      return;
    }
    const previous = this.records.get(record.resourceId);
    this.records.set(record.resourceId, record);
    for (const listener of this.listeners) listener(record, previous);
  }

  private becomeCaughtUp(): void {
    this.caughtUp = true;
    this.markCaughtUp();
  }
}
