import { RpcContext, RpcErrorCodes, RpcReply, RpcRequest } from '@oncall/contracts';
import { ErrorCode, NatsConnection, NatsError } from 'nats';
import { contextHeaders, decodeJson, encodeJson } from './message-codec';
import { RpcError, RpcUnavailableError } from './rpc-errors';
import { SubjectNamespace } from './subject-namespace';

/** Request/reply over core NATS with typed errors: commands and queries to the service that owns the data. */
export class RpcClient {
  constructor(
    private readonly nc: NatsConnection,
    private readonly namespace: SubjectNamespace,
    private readonly defaultTimeoutMs = 5_000,
  ) {}

  async request<TResponse, TRequest = unknown>(
    subject: string,
    data: TRequest,
    context: RpcContext,
    timeoutMs = this.defaultTimeoutMs,
  ): Promise<TResponse> {
    const body: RpcRequest<TRequest> = { data, context };
    let replyData: Uint8Array;
    try {
      const reply = await this.nc.request(this.namespace.subject(subject), encodeJson(body), {
        timeout: timeoutMs,
        headers: contextHeaders({ ...context, orgId: context.orgId ?? undefined }),
      });
      replyData = reply.data;
    } catch (error) {
      throw translateTransportError(subject, error);
    }
    const reply = decodeJson<RpcReply<TResponse>>(replyData);
    if (!reply.ok) throw RpcError.fromBody(reply.error);
    return reply.data;
  }
}

function translateTransportError(subject: string, error: unknown): Error {
  if (error instanceof NatsError) {
    if (error.code === ErrorCode.Timeout) return new RpcUnavailableError(subject, 'timeout');
    if (error.code === ErrorCode.NoResponders) return new RpcUnavailableError(subject, 'no-responders');
    if (error.code === ErrorCode.MaxPayloadExceeded) {
      return new RpcError(
        RpcErrorCodes.requestTooLarge,
        'The request is too large to send; send less at once.',
      );
    }
  }
  return error as Error;
}
