import {
  ALERT_ACTIONS,
  AlertAction,
  alertReceivedSubject,
  CanonicalAlert,
  MessageEnvelope,
  Streams,
} from '@oncall/contracts';
import {
  alertKeyDigest,
  alertRouteOf,
  decodeJson,
  MessageBus,
  UndecodableMessageError,
} from '@oncall/platform-messaging';
import { ConsumerMessages, DeliverPolicy, JsMsg } from 'nats';
import { Logger } from 'pino';
import { ReceivedAlert } from './received-alert';
import { InFlightBudget } from './in-flight-budget';
import { Checkpoint } from './partition-leases';
import { SequenceWatermark } from './sequence-watermark';

/** An alert waiting to be correlated, the reader that read it (told when it is done), and its queue. */
export interface PartitionItem {
  source: PartitionReader;
  received: ReceivedAlert;
  message: JsMsg;
  /** Whose turn it takes (the organization) and which queue it joins (its alert key). */
  owner: string;
  key: string;
}

/**
 * Longest stretch of handing on messages before the reader yields to the event loop. A fetch delivers
 * hundreds of messages that are iterated with microtasks only; a storm partition read without yielding
 * held every other partition's reader, the replica's steps and their replies back for a whole fetch at a
 * time. Bounded by time, not count, so a reader alone on an idle loop still reads at full speed (ADR 0197).
 */
const TURN_MS = 8;

export interface PartitionReaderOptions {
  /** Alerts read but not yet handled, at most: reading pauses beyond (back-pressure). */
  maxInFlight: number;
  /** Shared by every partition of the replica. */
  budget: InFlightBudget;
  /** Copies a message that can never be read to the dead letters. */
  deadLetter(message: JsMsg, error: Error): Promise<void>;
}

/**
 * Reads one alert partition in stream order from just after its checkpoint (an ordered consumer: no acks,
 * the watermark is the acknowledgement) and hands each alert on. Alerts finish out of order; the watermark
 * only moves past a sequence once everything before it finished, so a restart replays, never skips.
 */
export class PartitionReader {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopping = false;
  private readonly watermark: SequenceWatermark;
  private resumeReading?: () => void;
  private drained?: () => void;
  private lastRead = 0;
  private unreadAfterLast = 0;
  private abandoned = false;
  /** Handing over: no step of this partition starts any more. */
  private closing = false;
  /** Done before this reader started (the previous holder's `doneAbove`): skipped when read again. */
  private readonly doneBefore: Set<number>;
  private batchesRunning = 0;
  /** Applied, its history row not yet written: a handover waits for these. */
  private readonly appliedNotDone = new Set<number>();
  private settledWaiter?: () => void;
  private turnStarted = performance.now();

  constructor(
    readonly partition: number,
    start: Checkpoint,
    private readonly bus: MessageBus,
    private readonly deliver: (item: PartitionItem) => void,
    private readonly logger: Logger,
    private readonly options: PartitionReaderOptions,
  ) {
    this.watermark = new SequenceWatermark(start.sequence);
    this.doneBefore = new Set(start.doneAbove.filter((sequence) => sequence > start.sequence));
  }

  get checkpoint(): Checkpoint {
    // Both lie beyond the watermark: what finished here, and what the previous holder finished not read yet.
    const notReadAgain = [...this.doneBefore].filter((sequence) => sequence > this.lastRead);
    const doneAbove = [...this.watermark.doneAbove(), ...notReadAgain].sort((a, b) => a - b);
    return { sequence: this.watermark.value, doneAbove };
  }

  get inFlight(): number {
    return this.watermark.inFlight;
  }

  /** Alerts of the partition still in the stream after the last one read. */
  get unread(): number {
    return this.unreadAfterLast;
  }

  /** False once the partition is being handed over: its alerts not yet started are left to the next holder. */
  accepts(): boolean {
    return !this.closing && !this.abandoned;
  }

  /** A batch of this partition's alerts starts or ends (a handover waits for those running). */
  batchStarted(): void {
    this.batchesRunning++;
  }

  batchEnded(): void {
    this.batchesRunning--;
    this.checkSettled();
  }

  /** An alert's step was performed; `complete` follows once its history row is written. */
  applied(sequence: number): void {
    if (!this.abandoned) this.appliedNotDone.add(sequence);
  }

  start(): void {
    this.loop = this.readUntilStopped();
  }

  /** An alert of this partition is done (applied, dropped or dead-lettered). */
  complete(sequence: number): void {
    if (this.abandoned) return;
    this.appliedNotDone.delete(sequence);
    this.checkSettled();
    this.watermark.complete(sequence);
    this.options.budget.give();
    if (this.watermark.inFlight < this.options.maxInFlight) this.resumeReading?.();
    if (this.watermark.inFlight === 0) this.drained?.();
  }

  /**
   * Stops reading and waits up to `drainMs` for the alerts already read. Then no new step starts; the steps
   * running finish and their history is written (up to `settleMs`), so the checkpoint holds every alert
   * applied here. Alerts not started are abandoned: the next holder applies them, and skips what was done.
   */
  async stop({ drainMs, settleMs }: { drainMs: number; settleMs: number }): Promise<void> {
    this.stopping = true;
    this.messages?.stop();
    this.resumeReading?.();
    await this.loop;
    if (this.watermark.inFlight > 0 && drainMs > 0) {
      await signalOrTimeout(drainMs, (signal) => (this.drained = signal));
    }
    this.closing = true;
    if (!this.settled()) {
      await signalOrTimeout(settleMs, (signal) => (this.settledWaiter = signal));
      this.settledWaiter = undefined;
      if (!this.settled()) {
        this.logger.warn(
          { partition: this.partition, running: this.batchesRunning, unwritten: this.appliedNotDone.size },
          'Handing over a partition with steps still unfinished; the next holder may repeat them',
        );
      }
    }
    if (this.watermark.inFlight > 0) {
      // Abandoned alerts will not complete here: give their room back (the next holder re-reads them).
      for (let left = this.watermark.inFlight; left > 0; left--) this.options.budget.give();
      this.abandoned = true;
    }
  }

  private settled(): boolean {
    return this.batchesRunning === 0 && this.appliedNotDone.size === 0;
  }

  private checkSettled(): void {
    if (this.settledWaiter && this.settled()) this.settledWaiter();
  }

  private async readUntilStopped(): Promise<void> {
    while (!this.stopping) {
      try {
        const consumer = await this.bus.js.consumers.get(this.bus.namespace.stream(Streams.alerts.name), {
          filterSubjects: this.bus.namespace.subject(alertReceivedSubject(this.partition)),
          deliver_policy: DeliverPolicy.StartSequence,
          opt_start_seq: this.watermarkOrLastRead() + 1,
        });
        this.messages = await consumer.consume({ max_messages: 512 });
        for await (const message of this.messages) {
          if (this.stopping) break;
          await this.handOn(message);
          if (performance.now() - this.turnStarted >= TURN_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            this.turnStarted = performance.now();
          }
        }
      } catch (error) {
        if (this.stopping || this.bus.nc.isClosed()) return;
        this.logger.error(
          { err: error, partition: this.partition },
          'Reading an alert partition failed; again',
        );
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  /** Where to resume after the subscription failed: after what was read, not only after the watermark. */
  private watermarkOrLastRead(): number {
    return Math.max(this.watermark.value, this.lastRead);
  }

  private async handOn(message: JsMsg): Promise<void> {
    this.lastRead = message.seq;
    this.unreadAfterLast = message.info.pending;
    if (this.doneBefore.delete(message.seq)) {
      // Correlated by the previous holder beyond its watermark: done already.
      this.watermark.receive(message.seq);
      this.watermark.complete(message.seq);
      return;
    }
    this.options.budget.take();
    this.watermark.receive(message.seq);
    const item = itemOf(this, message);
    if (!item) {
      const error = new UndecodableMessageError('not an AlertReceived envelope');
      await this.options.deadLetter(message, error);
      this.complete(message.seq);
      return;
    }
    this.deliver(item);
    if (this.watermark.inFlight >= this.options.maxInFlight) {
      await new Promise<void>((resolve) => (this.resumeReading = resolve));
      this.resumeReading = undefined;
    }
    await this.options.budget.room();
  }
}

/** The queue entry of a message: routed by its headers, or by its parsed body for older messages. */
function itemOf(source: PartitionReader, message: JsMsg): PartitionItem | null {
  const route = alertRouteOf(message.headers);
  const alertId = message.headers?.get('Nats-Msg-Id');
  if (route && alertId && isAction(route.action)) {
    const disposition = route.recorded ? 'record' : 'page';
    const received = new ReceivedAlert(message.seq, alertId, route.action, message.data, disposition);
    return { source, message, received, owner: route.orgId, key: `${route.orgId}\n${route.key}` };
  }
  const envelope = decodeOrNull(message);
  if (!envelope) return null;
  const { orgId, integrationId, dedupKey } = envelope.data;
  const received = ReceivedAlert.parsed(message.seq, envelope);
  return {
    source,
    message,
    received,
    owner: orgId,
    key: `${orgId}\n${alertKeyDigest(integrationId, dedupKey)}`,
  };
}

/** Waits until the function handed to `arm` is called, or `ms` at the most. */
function signalOrTimeout(ms: number, arm: (signal: () => void) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    arm(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function isAction(action: string): action is AlertAction {
  return (ALERT_ACTIONS as readonly string[]).includes(action);
}

function decodeOrNull(message: JsMsg): MessageEnvelope<'AlertReceived', CanonicalAlert> | null {
  try {
    const envelope = decodeJson<MessageEnvelope<'AlertReceived', CanonicalAlert>>(message.data);
    return envelope?.data?.orgId && envelope.data.dedupKey && envelope.data.integrationId ? envelope : null;
  } catch {
    return null;
  }
}
