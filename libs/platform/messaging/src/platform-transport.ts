import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { RpcRequest } from '@oncall/contracts';
import { lastValueFrom } from 'rxjs';
import { Logger } from 'pino';
import { Delivery, DurableConsumer, DurableConsumerSpec, ConsumerObserver } from './durable-consumer';
import { MessageBus } from './message-bus';
import { RpcObserver, RpcResponder } from './rpc-responder';
import { MessageContextHost } from './message-context-host';

export type DurableEventOptions = Omit<DurableConsumerSpec, 'filterSubject'>;

/**
 * NestJS transport over our bus: `@MessagePattern(subject)` handlers answer request/reply in a queue group;
 * `@EventPattern(subject, { stream, durable })` handlers (best written `@DurableEventPattern`) consume a
 * JetStream durable consumer. Handlers run through Nest's pipes, guards and filters like any other.
 */
export class PlatformTransport extends Server implements CustomTransportStrategy {
  private readonly consumers: DurableConsumer[] = [];
  private readonly responders: RpcResponder[] = [];

  constructor(
    private readonly bus: MessageBus,
    private readonly queueGroup: string,
    private readonly log: Logger,
    private readonly observer?: ConsumerObserver & RpcObserver,
  ) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const [subject, handler] of this.messageHandlers) {
        if (handler.isEventHandler) await this.startConsumer(subject, handler);
        else this.startResponder(subject, handler);
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await Promise.all(this.responders.map((responder) => responder.close()));
  }

  on(): void {
    throw new Error('PlatformTransport emits no events');
  }

  unwrap<T>(): T {
    return this.bus.nc as T;
  }

  private async startConsumer(subject: string, handler: MessageHandler): Promise<void> {
    const options = handler.extras as DurableEventOptions | undefined;
    if (!options?.stream || !options.durable) {
      throw new Error(`@EventPattern('${subject}') needs { stream, durable } extras`);
    }
    const consumer = new DurableConsumer(
      this.bus.js,
      this.bus.jsm,
      this.bus.namespace,
      { ...options, filterSubject: subject },
      async (envelope, delivery: Delivery) => {
        await this.invoke(handler, envelope, new MessageContextHost([subject, delivery]));
      },
      this.log,
      this.observer,
    );
    await consumer.start();
    this.consumers.push(consumer);
  }

  private startResponder(subject: string, handler: MessageHandler): void {
    const responder = new RpcResponder(
      this.bus.nc,
      this.bus.namespace,
      this.queueGroup,
      this.log,
      this.observer,
    );
    responder.listen(subject, (request: RpcRequest, actualSubject: string) =>
      this.invoke(handler, request, new MessageContextHost([actualSubject, undefined])),
    );
    this.responders.push(responder);
  }

  private async invoke(
    handler: MessageHandler,
    data: unknown,
    context: MessageContextHost,
  ): Promise<unknown> {
    const result = this.transformToObservable(await handler(data, context));
    return lastValueFrom(result, { defaultValue: undefined });
  }
}
