import { MessageContext, MessageEnvelope, Headers as OncallHeaders } from '@oncall/contracts';
import { headers as natsHeaders, MsgHdrs } from 'nats';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export class UndecodableMessageError extends Error {
  constructor(reason: string) {
    super(`Message body is not valid JSON: ${reason}`);
    this.name = 'UndecodableMessageError';
  }
}

export function decodeJson<T>(data: Uint8Array): T {
  try {
    return JSON.parse(decoder.decode(data)) as T;
  } catch (error) {
    throw new UndecodableMessageError((error as Error).message);
  }
}

/** Headers that let any hop log and route a message without parsing its body. */
export function contextHeaders(context: Partial<MessageContext> & { type?: string }): MsgHdrs {
  const result = natsHeaders();
  if (context.orgId) result.set(OncallHeaders.orgId, context.orgId);
  if (context.correlationId) result.set(OncallHeaders.correlationId, context.correlationId);
  if (context.causationId) result.set(OncallHeaders.causationId, context.causationId);
  if (context.type) result.set(OncallHeaders.type, context.type);
  return result;
}

export function envelopeHeaders(envelope: MessageEnvelope): MsgHdrs {
  return contextHeaders({ ...envelope.metadata, type: envelope.type });
}
