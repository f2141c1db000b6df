import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MessageBus } from '@oncall/platform-messaging';
import { ServiceMetrics } from '@oncall/platform-observability';
import { OutboxRelay } from '@oncall/platform-outbox';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from './tokens';

const FINAL_PASS_MS = 5_000;

/** Runs the outbox relay of a service that writes an outbox; stops it before the bus and database close. */
@Injectable()
export class OutboxRelayWorker implements OnApplicationBootstrap, OnModuleDestroy {
  readonly relay: OutboxRelay;

  constructor(
    dataSource: DataSource,
    bus: MessageBus,
    metrics: ServiceMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.relay = new OutboxRelay(dataSource, bus.publisher, logger, {
      onSetAside: () => metrics.outboxMessagesSetAside.inc(),
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  /** Relays now: call after committing outbox rows whose latency matters (pages). */
  poke(): void {
    this.relay.poke();
  }

  /** Stops the loop, then relays once more what the last handled messages wrote (bounded in time). */
  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
    const lastPass = this.relay
      .relayPending()
      .catch((error: Error) => this.logger.warn({ err: error }, 'Final relay failed'));
    await Promise.race([lastPass, new Promise((resolve) => setTimeout(resolve, FINAL_PASS_MS).unref())]);
  }
}
