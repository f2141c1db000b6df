import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MessageBus } from '@oncall/platform-messaging';
import { OutboxRelay } from '@oncall/platform-outbox';
import { LOGGER, OutboxRelayWorker } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { EscalationConfig } from '../escalation.config';

/**
 * The outbox relay and more loops beside it: each loop claims another outbox partition (advisory lock),
 * so a burst of pages is published over several partitions at once while each incident's messages (one
 * ordering key, one partition) keep their order. Poked after every commit that wrote pages.
 */
@Injectable()
export class PageRelays implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly extra: OutboxRelay[];

  constructor(
    private readonly main: OutboxRelayWorker,
    dataSource: DataSource,
    bus: MessageBus,
    config: EscalationConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.extra = Array.from(
      { length: config.ESCALATION_RELAY_LOOPS - 1 },
      () => new OutboxRelay(dataSource, bus.publisher, logger),
    );
  }

  onApplicationBootstrap(): void {
    for (const relay of this.extra) relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.extra.map((relay) => relay.stop()));
  }

  poke(): void {
    this.main.poke();
    for (const relay of this.extra) relay.poke();
  }
}
