import { connect, NatsConnection } from 'nats';

export interface NatsConnectionOptions {
  url: string;
  /** Shown in the server's connection list: service name and instance. */
  name: string;
}

/** Connects and keeps reconnecting forever: a service never gives up on the bus while it runs. */
export function connectToNats(options: NatsConnectionOptions): Promise<NatsConnection> {
  return connect({
    servers: options.url,
    name: options.name,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    timeout: 5_000,
  });
}
