import { RpcErrorBody, RpcErrorCodes, RpcReply, RpcRequest } from '@oncall/contracts';
import { runWithLogContext } from '@oncall/platform-observability';
import { isPermanentDataError, sqlStateOf } from '@oncall/platform-persistence';
import { ErrorCode, Msg, NatsConnection, NatsError, Subscription } from 'nats';
import { Logger } from 'pino';
import { decodeJson, encodeJson } from './message-codec';
import { RpcError } from './rpc-errors';
import { SubjectNamespace } from './subject-namespace';

export type RpcHandler = (request: RpcRequest, subject: string) => Promise<unknown>;

export interface RpcObserver {
  handled(subject: string, outcome: 'reply' | 'error', seconds: number): void;
}

/** An answer the bus cannot carry: a defect of the handler (its answer must be bounded), never the caller's. */
class ReplyTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`The answer is ${bytes} bytes; the bus carries at most ${maxBytes}`);
    this.name = 'ReplyTooLargeError';
  }
}

/**
 * Answers requests on a subject (wildcards allowed) within a queue group, so replicas share the load.
 * Replies `{ ok: true, data }` or `{ ok: false, error }`; an unexpected exception never leaks its details.
 * Nothing a handler returns or throws can end the process: an answer that cannot be sent (over the
 * server's max_payload, or not encodable) is logged and answered as RESPONSE_TOO_LARGE or INTERNAL.
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
        const work = this.answer(message, handler)
          .catch((failure: unknown) => this.logger.error({ err: failure, subject }, 'Answering failed'))
          .finally(() => this.inFlight.delete(work));
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
    const reply = await this.replyFor(message, handler, subject);
    const outcome = this.send(message, reply, subject);
    this.observer?.handled(subject, outcome, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private async replyFor(message: Msg, handler: RpcHandler, subject: string): Promise<RpcReply> {
    try {
      const request = decodeJson<RpcRequest>(message.data);
      const data = await runWithLogContext({ ...request.context, subject }, () => handler(request, subject));
      return { ok: true, data: data ?? null };
    } catch (error) {
      return { ok: false, error: this.toErrorBody(error, subject) };
    }
  }

  /** Sends the reply, or a typed error in its place when the reply itself cannot be sent. */
  private send(message: Msg, reply: RpcReply, subject: string): 'reply' | 'error' {
    try {
      message.respond(this.encode(reply));
      return reply.ok ? 'reply' : 'error';
    } catch (error) {
      const fallback = this.undeliverable(error, subject);
      try {
        message.respond(encodeJson({ ok: false, error: fallback } satisfies RpcReply));
      } catch (again) {
        // The connection itself is gone: the caller times out and retries; nothing else to do here.
        this.logger.error({ err: again, subject }, 'Could not answer a request at all');
      }
      return 'error';
    }
  }

  private encode(reply: RpcReply): Uint8Array {
    const bytes = encodeJson(reply);
    const maxBytes = this.nc.info?.max_payload;
    if (maxBytes !== undefined && bytes.length > maxBytes)
      throw new ReplyTooLargeError(bytes.length, maxBytes);
    return bytes;
  }

  private undeliverable(error: unknown, subject: string): RpcErrorBody {
    const tooLarge =
      error instanceof ReplyTooLargeError ||
      (error instanceof NatsError && error.code === ErrorCode.MaxPayloadExceeded);
    this.logger.error(
      { err: error, subject },
      tooLarge ? 'Answer too large for the bus; its query must be bounded' : 'Answer could not be sent',
    );
    return tooLarge
      ? {
          code: RpcErrorCodes.responseTooLarge,
          message: 'The answer was too large to send; it was logged. Ask for a smaller page.',
        }
      : { code: RpcErrorCodes.internal, message: 'The service could not send its answer; it was logged.' };
  }

  /** Typed refusals travel as they are; the caller never learns internals (subjects, SQL, stack). */
  private toErrorBody(error: unknown, subject: string): RpcErrorBody {
    if (error instanceof RpcError) return error.toBody();
    if (isPermanentDataError(error)) {
      this.logger.error({ err: error, subject }, 'The database refused the data of a request');
      return {
        code: RpcErrorCodes.dataRefused,
        message: `The request holds data that cannot be stored (SQLSTATE ${sqlStateOf(error)}); it was logged.`,
      };
    }
    this.logger.error({ err: error, subject }, 'Request handler failed unexpectedly');
    return {
      code: RpcErrorCodes.internal,
      // The subject is in the log line above; a reply may end up in front of a person (via the API).
      message: 'The service failed to handle the request; it was logged.',
    };
  }
}
