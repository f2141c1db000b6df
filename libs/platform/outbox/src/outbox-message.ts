import { MessageEnvelope, Headers } from '@oncall/contracts';
import { OUTBOX_PARTITIONS } from './outbox.migration';

/** A message waiting in the outbox table, exactly as it will be published. */
export interface OutboxMessage {
  messageId: string;
  subject: string;
  body: string;
  headers: Record<string, string>;
  /** Messages with the same ordering key are published in the order they were written. */
  orderingKey: string;
}

export function outboxMessageFor(
  subject: string,
  envelope: MessageEnvelope,
  orderingKey: string,
): OutboxMessage {
  const { metadata } = envelope;
  const headers: Record<string, string> = {
    [Headers.orgId]: metadata.orgId,
    [Headers.correlationId]: metadata.correlationId,
    [Headers.type]: envelope.type,
  };
  if (metadata.causationId) headers[Headers.causationId] = metadata.causationId;
  return { messageId: metadata.eventId, subject, body: JSON.stringify(envelope), headers, orderingKey };
}

/** SQL expression choosing the partition of an ordering key; the same in every writer. */
export const PARTITION_SQL = (keyParam: string) =>
  `(abs(hashtext(${keyParam})) % ${OUTBOX_PARTITIONS})::smallint`;
