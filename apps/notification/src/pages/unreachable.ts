import { NOTIFICATION_FAILED } from '@oncall/contracts';
import { SkippedRuleStep } from '@oncall/notification-domain';
import { OutboxMessage } from '@oncall/platform-outbox';
import { attemptEvent } from '../delivery/attempt-events';
import { deterministicUuid } from '@oncall/platform-messaging';
import type { PageRow } from './page.store';

/**
 * The person cannot be reached at all (no usable contact method, or unknown to the directory for an hour):
 * a final NotificationFailed says so on the incident's timeline, so the gap is seen.
 */
export function unreachable(
  page: PageRow,
  why: 'no-contact-method' | 'unknown-person',
  skipped: readonly SkippedRuleStep[],
  now: Date,
): OutboxMessage {
  const reasons = skipped.map(
    (step) => `${step.contactMethodId} at ${step.delayMinutes} min: ${step.reason}`,
  );
  return attemptEvent(
    NOTIFICATION_FAILED,
    {
      deliveryId: deterministicUuid('oncall.notification', `unreachable:${page.page_id}`),
      pageId: page.page_id,
      incidentId: page.incident_id,
      orgId: page.org_id,
      userId: page.user_id,
      channel: 'email',
      maskedAddress: '(no usable contact method)',
      attempt: 1,
      providerResponse: reasons.length > 0 ? `${why}: ${reasons.join('; ')}` : why,
      latencyMs: null,
      at: now.toISOString(),
      final: true,
    },
    page.correlation_id,
  );
}
