import { EntityManager } from 'typeorm';
import { OutboxMessage, PARTITION_SQL } from './outbox-message';

/**
 * Writes messages to the outbox with the caller's transaction, so they exist if and only if the
 * state change that caused them was committed.
 */
export async function enqueueOutboxMessages(
  transaction: EntityManager,
  messages: OutboxMessage[],
): Promise<void> {
  if (messages.length === 0) return;
  await transaction.query(
    `INSERT INTO outbox (partition, message_id, subject, body, headers)
     SELECT ${PARTITION_SQL('m.ordering_key')}, m.message_id, m.subject, m.body, m.headers
     FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[])
       WITH ORDINALITY AS m(message_id, subject, body, headers, ordering_key, ord)
     ORDER BY m.ord`,
    [
      messages.map((m) => m.messageId),
      messages.map((m) => m.subject),
      messages.map((m) => m.body),
      messages.map((m) => JSON.stringify(m.headers)),
      messages.map((m) => m.orderingKey),
    ],
  );
}
