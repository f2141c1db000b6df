/** Metadata carried by every message on the bus, in the body and in headers. */
export interface MessageMetadata {
  eventId: string;
  orgId: string;
  correlationId: string;
  causationId: string | null;
  occurredAt: string;
  schemaVersion: number;
  /** Set on events relayed from an event store: the stream and the event's version in it. */
  stream?: { id: string; version: number };
}

export interface MessageEnvelope<TType extends string = string, TData = unknown> {
  type: TType;
  data: TData;
  metadata: MessageMetadata;
}

/** Who a request is made for and which chain of messages it belongs to. */
export interface MessageContext {
  orgId: string;
  correlationId: string;
  causationId: string | null;
}

export const Headers = {
  orgId: 'Oncall-Org-Id',
  correlationId: 'Oncall-Correlation-Id',
  causationId: 'Oncall-Causation-Id',
  type: 'Oncall-Type',
  /** Set by NATS clients from the publish option msgID; JetStream drops duplicates within the stream's window. */
  messageId: 'Nats-Msg-Id',
} as const;
