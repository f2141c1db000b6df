import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { MessageBus } from '@oncall/platform-messaging';

/** Drains the NATS connection last, after consumers and responders have stopped. */
@Injectable()
export class BusLifecycle implements OnApplicationShutdown {
  constructor(private readonly bus: MessageBus) {}

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
