import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Consumers, Streams } from '@oncall/contracts';
import { MessageBus, publishDeadLetter } from '@oncall/platform-messaging';
import { ServiceMetrics } from '@oncall/platform-observability';
import { LOGGER } from '@oncall/platform-runtime';
import { JsMsg } from 'nats';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { CorrelationCopies } from '../collaborators/correlation-copies';
import { ServiceDirectory } from '../collaborators/service-directory';
import { BatchRunner } from './batch-runner';
import { CorrelatorMetrics } from './correlator-metrics';
import { FairKeyQueue, KeyBatch } from './fair-key-queue';
import { InFlightBudget } from './in-flight-budget';
import { PartitionLeases } from './partition-leases';
import { PartitionItem, PartitionReader } from './partition-reader';

/** Key batches applied at once by this replica (commands in flight to incident-state). */
const CONCURRENCY = 32;
const MAX_BATCH = 5_000;
/** One partition may read far ahead of a storm to reach other keys behind it ... */
const MAX_IN_FLIGHT_PER_PARTITION = 25_000;
/** ... while the replica as a whole keeps a bounded number of alerts in memory. */
const MAX_IN_FLIGHT = 50_000;
const TICK_MS = 200;
const REBALANCE_EVERY_TICKS = 5;
/** How long a partition being handed over may take to finish what it read before the rest is left. */
const HANDOVER_DRAIN_MS = 5_000;
/** Then how long its running steps may take to end and write their history (not waited on forever). */
const HANDOVER_SETTLE_MS = 30_000;
const SHUTDOWN_SETTLE_MS = 3_000;

/**
 * The alert correlator (ADR 0130): holds a fair share of the alert partitions, reads each in order from
 * its checkpoint, and applies alerts per key in order, keys in parallel, organizations taking turns.
 * Checkpoints are saved as watermarks move, so a crash replays a little and loses nothing.
 */
@Injectable()
export class Correlator implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly leases: PartitionLeases;
  private readonly readers = new Map<number, PartitionReader>();
  private readonly queue = new FairKeyQueue<PartitionItem>(MAX_BATCH);
  private readonly budget = new InFlightBudget(MAX_IN_FLIGHT);
  private readonly metrics: CorrelatorMetrics;
  private readonly deadLetters: ServiceMetrics['deadLetters'];
  private running = 0;
  private ticks?: NodeJS.Timeout;
  private ticking = false;
  private tickCount = 0;
  private stopping = false;

  constructor(
    dataSource: DataSource,
    private readonly bus: MessageBus,
    private readonly services: ServiceDirectory,
    private readonly correlation: CorrelationCopies,
    private readonly batches: BatchRunner,
    metrics: ServiceMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.leases = new PartitionLeases(dataSource, `${hostname()}:${process.pid}:${randomUUID()}`, logger);
    this.metrics = new CorrelatorMetrics(metrics.registry, () => this.backlog());
    this.deadLetters = metrics.deadLetters;
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.services.ready(), this.correlation.ready()]);
    await this.leases.connect();
    await this.rebalance();
    this.ticks = setInterval(() => void this.tick(), TICK_MS);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.batches.abort();
    clearInterval(this.ticks);
    while (this.ticking) await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all(
      [...this.readers.values()].map((reader) => reader.stop({ drainMs: 0, settleMs: SHUTDOWN_SETTLE_MS })),
    );
    while (this.running > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.saveCheckpoints();
    this.readers.clear();
    await this.leases.close();
  }

  /** Alerts read and not yet applied, plus alerts still unread on held partitions. */
  backlog(): number {
    let unread = 0;
    for (const reader of this.readers.values()) unread += reader.unread + reader.inFlight;
    return unread;
  }

  private async tick(): Promise<void> {
    if (this.ticking || this.stopping) return;
    this.ticking = true;
    try {
      await this.saveCheckpoints();
      if (++this.tickCount % REBALANCE_EVERY_TICKS === 0) await this.rebalance();
    } catch (error) {
      this.logger.error({ err: error }, 'Correlator housekeeping failed; retrying');
    } finally {
      this.ticking = false;
    }
  }

  private async rebalance(): Promise<void> {
    const share = await this.leases.fairShare();
    const held = [...this.leases.partitions];
    const handedOver = held.slice(share);
    await Promise.all(handedOver.map((partition) => this.handOver(partition)));
    const claimed = await this.leases.claim(share - Math.min(held.length, share));
    if (handedOver.length + claimed.length > 0) {
      this.logger.info({ share, handedOver, claimed }, 'Alert partitions rebalanced');
    }
    for (const partition of claimed) {
      const reader = new PartitionReader(
        partition,
        await this.leases.checkpointOf(partition),
        this.bus,
        (item) => this.enqueue(item),
        this.logger,
        {
          maxInFlight: MAX_IN_FLIGHT_PER_PARTITION,
          budget: this.budget,
          deadLetter: (message, error) => this.deadLetter(message, error),
        },
      );
      this.readers.set(partition, reader);
      reader.start();
    }
    this.metrics.partitionsHeld.set(this.leases.partitions.size);
  }

  private async handOver(partition: number): Promise<void> {
    const reader = this.readers.get(partition);
    await reader?.stop({ drainMs: HANDOVER_DRAIN_MS, settleMs: HANDOVER_SETTLE_MS });
    if (reader) await this.leases.saveCheckpoint(partition, reader.checkpoint);
    this.readers.delete(partition);
    await this.leases.release(partition);
  }

  private async saveCheckpoints(): Promise<void> {
    for (const [partition, reader] of this.readers)
      await this.leases.saveCheckpoint(partition, reader.checkpoint);
  }

  private enqueue(item: PartitionItem): void {
    this.queue.push(item.owner, item.key, item);
    this.pump();
  }

  private pump(): void {
    while (this.running < CONCURRENCY) {
      const batch = this.queue.take();
      if (!batch) return;
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.queue.finish(batch.key);
        this.pump();
      });
    }
  }

  private async run(batch: KeyBatch<PartitionItem>): Promise<void> {
    // Items of a partition handed over meanwhile are left to its next holder.
    const live = batch.items.filter((item) => item.source.accepts());
    if (live.length === 0) return;
    const [{ source }] = live;
    source.batchStarted();
    try {
      const outcome = await this.batches.run(live, {
        applied: (item) => item.source.applied(item.received.sequence),
        done: (item) => item.source.complete(item.received.sequence),
      });
      this.metrics.count(outcome);
    } finally {
      source.batchEnded();
    }
  }

  private async deadLetter(message: JsMsg, error: Error): Promise<void> {
    const source = { stream: Streams.alerts.name, durable: Consumers.dedupAlerts };
    await publishDeadLetter(this.bus.js, this.bus.namespace, source, message, error, 1);
    this.deadLetters.inc(source);
  }
}
