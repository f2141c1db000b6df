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
  await transaction.query(outboxInsertSql(1), outboxInsertParams(messages));
}

/**
 * THE statement writing outbox rows, in the order given, parameters from `$first` (see outboxInsertParams);
 * `condition` (a WHERE clause) lets a caller write them only when its own write happened.
 */
export function outboxInsertSql(first: number, condition = ''): string {
  const [ids, subjects, bodies, headers, keys] = [0, 1, 2, 3, 4].map((offset) => `$${first + offset}`);
  return `INSERT INTO outbox (partition, message_id, subject, body, headers, ordering_key)
     SELECT ${PARTITION_SQL('m.ordering_key')}, m.message_id, m.subject, m.body, m.headers, m.ordering_key
     FROM unnest(${ids}::text[], ${subjects}::text[], ${bodies}::text[], ${headers}::jsonb[], ${keys}::text[])
       WITH ORDINALITY AS m(message_id, subject, body, headers, ordering_key, ord)
     ${condition}
     ORDER BY m.ord`;
}

export function outboxInsertParams(messages: readonly OutboxMessage[]): unknown[] {
  return [
    messages.map((m) => m.messageId),
    messages.map((m) => m.subject),
    messages.map((m) => m.body),
    messages.map((m) => JSON.stringify(m.headers)),
    messages.map((m) => m.orderingKey),
  ];
}
