import { BaseRpcContext } from '@nestjs/microservices';
import { Delivery } from './durable-consumer';

/** What a handler can learn about the message in hand besides its payload (`@Ctx()`). */
export class MessageContextHost extends BaseRpcContext<[string, Delivery | undefined]> {
  getSubject(): string {
    return this.args[0];
  }

  /** Set for JetStream deliveries; undefined for request/reply. */
  getDelivery(): Delivery | undefined {
    return this.args[1];
  }
}
