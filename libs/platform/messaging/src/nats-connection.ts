import { connect, NatsConnection } from 'nats';

export interface NatsConnectionOptions {
  url: string;
  /** Shown in the server's connection list: service name and instance. */
  name: string;
}

/**
 * Connects and keeps reconnecting forever: a service never gives up on the bus while it runs. No async
 * traces: capturing a stack for every request and publish cost a third of a JetStream publish's CPU
 * (ADR 0132); our errors name their subject, which is what a stack would have told.
 */
export function connectToNats(options: NatsConnectionOptions): Promise<NatsConnection> {
  return connect({
    servers: options.url,
    name: options.name,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    timeout: 5_000,
    noAsyncTraces: true,
  });
}
