import { StreamDefinition, Streams } from '@oncall/contracts';
import { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import { EventPublisher } from './event-publisher';
import { connectToNats } from './nats-connection';
import { RpcClient } from './rpc-client';
import { ensureStreams } from './streams';
import { SubjectNamespace } from './subject-namespace';

export interface MessageBusOptions {
  url: string;
  /** Connection name, e.g. "incident-state@host-1". */
  connectionName: string;
  subjectPrefix?: string;
  /** Streams this service publishes to or consumes from; created or updated at start. */
  streams: readonly StreamDefinition[];
}

/** One NATS connection per process and everything built on it. */
export class MessageBus {
  private constructor(
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    readonly namespace: SubjectNamespace,
    readonly publisher: EventPublisher,
    readonly rpc: RpcClient,
  ) {}

  static async connect(options: MessageBusOptions): Promise<MessageBus> {
    const nc = await connectToNats({ url: options.url, name: options.connectionName });
    const namespace = new SubjectNamespace(options.subjectPrefix);
    const jsm = await nc.jetstreamManager();
    // Every consumer may need to dead-letter a message and every service may keep local copies, so every
    // service makes sure those two streams exist.
    const always = [Streams.deadLetters, Streams.state];
    const streams = [
      ...options.streams,
      ...always.filter((stream) => !options.streams.some((given) => given.name === stream.name)),
    ];
    await ensureStreams(jsm, namespace, streams);
    const js = nc.jetstream();
    return new MessageBus(
      nc,
      js,
      jsm,
      namespace,
      new EventPublisher(js, namespace),
      new RpcClient(nc, namespace),
    );
  }

  isConnected(): boolean {
    return !this.nc.isClosed() && !this.nc.isDraining();
  }

  /** Checks the server answers, for readiness probes. */
  async ping(): Promise<void> {
    await this.nc.flush();
  }

  async close(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain();
  }
}
