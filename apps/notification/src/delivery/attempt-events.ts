import {
  NOTIFICATION_DELIVERED,
  NOTIFICATION_EVENT_SCHEMA_VERSION,
  NOTIFICATION_FAILED,
  NotificationAttempted,
  notificationEventSubject,
} from '@oncall/contracts';
import { OutboxMessage, outboxMessageFor } from '@oncall/platform-outbox';
import { deterministicUuid } from '@oncall/platform-messaging';

export type AttemptEventType = typeof NOTIFICATION_DELIVERED | typeof NOTIFICATION_FAILED;

/**
 * One attempt as an event for the incident's timeline (incident-state records them) and for reporting.
 * The event id is derived from the attempt, so however the outbox re-sends it, it is one fact.
 */
export function attemptEvent(
  type: AttemptEventType,
  attempt: NotificationAttempted,
  correlationId: string | null,
): OutboxMessage {
  const eventId = deterministicUuid(
    'oncall.notification',
    `${type}:${attempt.deliveryId}:${attempt.pageId}:${attempt.attempt}`,
  );
  const envelope = {
    type,
    data: attempt,
    metadata: {
      eventId,
      orgId: attempt.orgId,
      correlationId: correlationId ?? eventId,
      causationId: null,
      occurredAt: attempt.at,
      schemaVersion: NOTIFICATION_EVENT_SCHEMA_VERSION,
    },
  };
  return outboxMessageFor(notificationEventSubject(type), envelope, attempt.incidentId);
}
