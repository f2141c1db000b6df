import { MessageEnvelope } from '@oncall/contracts';
import { outboxMessageFor } from './outbox-message';
import { outboxInsertParams, outboxInsertSql } from './outbox-writer';

/**
 * An event as an event store appends it. Declared here by shape, not imported: the outbox knows no event
 * store and the event store no outbox; an app joins them (ADR 0189).
 */
export interface AppendingEventFacts {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  streamId: string;
  version: number;
  metadata: { orgId: string; correlationId: string; causationId: string | null; occurredAt: string };
}

/** Chooses the JetStream subject each appended event is relayed to. */
export type OutboxSubjectFor = (event: AppendingEventFacts) => string;

/**
 * The event store's before-commit hook that relays each appended event through the outbox: one row per
 * event, in the append's statement, only for the events the append stored (`appended` is the store's rows;
 * an event's message id is its event id). The stream id is the ordering key, so a stream's events reach
 * JetStream in version order.
 */
export function relayEventsThroughOutbox(subjectFor: OutboxSubjectFor) {
  return {
    sql: (firstParam: number) =>
      outboxInsertSql(firstParam, 'WHERE m.message_id IN (SELECT event_id::text FROM appended)'),
    params: (events: AppendingEventFacts[]) =>
      outboxInsertParams(
        events.map((event) => outboxMessageFor(subjectFor(event), eventEnvelope(event), event.streamId)),
      ),
  };
}

/** The envelope of an event relayed from an event store: its metadata, id, schema version and place. */
export function eventEnvelope(event: AppendingEventFacts): MessageEnvelope {
  return {
    type: event.type,
    data: event.data,
    metadata: {
      ...event.metadata,
      eventId: event.eventId,
      schemaVersion: event.schemaVersion,
      stream: { id: event.streamId, version: event.version },
    },
  };
}
