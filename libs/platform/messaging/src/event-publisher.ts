import { MessageEnvelope } from '@oncall/contracts';
import { headers as natsHeaders, JetStreamClient } from 'nats';
import { encodeJson, envelopeHeaders } from './message-codec';
import { SubjectNamespace } from './subject-namespace';

export interface PublishResult {
  sequence: number;
  /** True when JetStream had already stored a message with this event id. */
  duplicate: boolean;
}

/**
 * Publishes to JetStream and resolves only once the stream has stored the message.
 * `Nats-Msg-Id` is the event id, so a retried publish is dropped by the server.
 */
export class EventPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly namespace: SubjectNamespace,
  ) {}

  /** `extraHeaders` let a reader route a message without parsing its body (alerts: key and action). */
  async publish(
    subject: string,
    envelope: MessageEnvelope,
    timeoutMs = 5_000,
    extraHeaders: Record<string, string> = {},
  ): Promise<PublishResult> {
    const headers = envelopeHeaders(envelope);
    for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
    const ack = await this.js.publish(this.namespace.subject(subject), encodeJson(envelope), {
      msgID: envelope.metadata.eventId,
      headers,
      timeout: timeoutMs,
    });
    return { sequence: ack.seq, duplicate: ack.duplicate };
  }

  /** Publishes an already-encoded message (the outbox stores bodies as written). */
  async publishRaw(
    subject: string,
    body: Uint8Array,
    messageId: string,
    headers: Record<string, string>,
    timeoutMs = 5_000,
  ): Promise<PublishResult> {
    const hdrs = natsHeaders();
    for (const [name, value] of Object.entries(headers)) hdrs.set(name, value);
    const ack = await this.js.publish(this.namespace.subject(subject), body, {
      msgID: messageId,
      headers: hdrs,
      timeout: timeoutMs,
    });
    return { sequence: ack.seq, duplicate: ack.duplicate };
  }
}
