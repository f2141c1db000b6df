import { RpcErrorCodes, RpcReply, RpcRequest } from '@oncall/contracts';
import { runWithLogContext } from '@oncall/platform-observability';
import { Msg, NatsConnection, Subscription } from 'nats';
import { Logger } from 'pino';
import { decodeJson, encodeJson } from './message-codec';
import { RpcError } from './rpc-errors';
import { SubjectNamespace } from './subject-namespace';

export type RpcHandler = (request: RpcRequest, subject: string) => Promise<unknown>;

export interface RpcObserver {
  handled(subject: string, outcome: 'reply' | 'error', seconds: number): void;
}

/**
 * Answers requests on a subject (wildcards allowed) within a queue group, so replicas share the load.
 * Replies `{ ok: true, data }` or `{ ok: false, error }`; an unexpected exception never leaks its details.
 */
export class RpcResponder {
  private subscription?: Subscription;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: SubjectNamespace,
    private readonly queueGroup: string,
    private readonly logger: Logger,
    private readonly observer?: RpcObserver,
  ) {}

  listen(subject: string, handler: RpcHandler): void {
    this.subscription = this.nc.subscribe(this.namespace.subject(subject), {
      queue: this.namespace.consumer(this.queueGroup),
      callback: (error, message) => {
        if (error) return this.logger.error({ err: error }, `Subscription to ${subject} failed`);
        const work = this.answer(message, handler).finally(() => this.inFlight.delete(work));
        this.inFlight.add(work);
      },
    });
  }

  /** Stops taking requests and waits for the ones being answered. */
  async close(): Promise<void> {
    if (this.subscription && !this.subscription.isClosed()) await this.subscription.drain();
    await Promise.all(this.inFlight);
  }

  private async answer(message: Msg, handler: RpcHandler): Promise<void> {
    const started = process.hrtime.bigint();
    const subject = this.namespace.unqualify(message.subject);
    let reply: RpcReply;
    try {
      const request = decodeJson<RpcRequest>(message.data);
      const data = await runWithLogContext({ ...request.context, subject }, () => handler(request, subject));
      reply = { ok: true, data: data ?? null };
    } catch (error) {
      reply = { ok: false, error: this.toErrorBody(error, subject) };
    }
    message.respond(encodeJson(reply));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.observer?.handled(subject, reply.ok ? 'reply' : 'error', seconds);
  }

  private toErrorBody(error: unknown, subject: string) {
    if (error instanceof RpcError) return error.toBody();
    this.logger.error({ err: error, subject }, 'Request handler failed unexpectedly');
    return {
      code: RpcErrorCodes.internal,
      // The subject is in the log line above; a reply may end up in front of a person (via the API).
      message: 'The service failed to handle the request; it was logged.',
    };
  }
}
