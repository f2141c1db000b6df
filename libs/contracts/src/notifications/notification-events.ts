import { toKebabCase } from '../messaging/subjects';

/** What notification publishes about each delivery attempt (outbox → ONCALL_NOTIFICATION). */
export const NOTIFICATION_EVENT_SCHEMA_VERSION = 1;

export function notificationEventSubject(eventType: string): string {
  return `oncall.evt.notification.${toKebabCase(eventType)}.v1`;
}

export const CONTACT_METHOD_TYPES = ['email', 'slack', 'sms', 'phone', 'push'] as const;
export type ContactMethodType = (typeof CONTACT_METHOD_TYPES)[number];

/**
 * One attempt to reach a person for a page, and how it went. Published as `NotificationDelivered` (the
 * provider accepted it) or `NotificationFailed` (`final` once retries are exhausted or the failure is
 * permanent). Addresses are masked (`a***@example.com`): timelines and reports need the channel, not the
 * address.
 */
export interface NotificationAttempted {
  deliveryId: string;
  pageId: string;
  incidentId: string;
  orgId: string;
  userId: string;
  channel: ContactMethodType;
  maskedAddress: string;
  attempt: number;
  providerResponse: string | null;
  latencyMs: number | null;
  at: string;
  /** For NotificationFailed: no more attempts will be made. */
  final?: boolean;
  /** Set when the page went out inside a digest of several incidents. */
  digest?: boolean;
}

export const NOTIFICATION_DELIVERED = 'NotificationDelivered';
export const NOTIFICATION_FAILED = 'NotificationFailed';
