import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MessageBus } from '@oncall/platform-messaging';
import { OutboxRelay } from '@oncall/platform-outbox';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from './tokens';

/** Runs the outbox relay of a service that writes an outbox; stops it before the bus and database close. */
@Injectable()
export class OutboxRelayWorker implements OnApplicationBootstrap, OnModuleDestroy {
  readonly relay: OutboxRelay;

  constructor(dataSource: DataSource, bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    this.relay = new OutboxRelay(dataSource, bus.publisher, logger);
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}
