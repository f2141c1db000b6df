import { NOTIFICATION_DELIVERED, NOTIFICATION_FAILED, NotificationAttempted } from '@oncall/contracts';
import { nextAttempt, RetryDecision, RetryPolicy } from '@oncall/notification-domain';
import { enqueueOutboxMessages } from '@oncall/platform-outbox';
import { queryRows } from '@oncall/platform-persistence';
import { scheduleTimers } from '@oncall/platform-timers';
import { EntityManager } from 'typeorm';
import type { DeliveryAttemptResult } from '../senders/delivery-attempt.result';
import { maskAddress } from '../shared/masked-address';
import { attemptEvent } from './attempt-events';
import type { ClaimedDelivery } from './delivery-claims';
import { DeliveryTimers } from './delivery-release';

/** One attempt made outside any transaction, to be recorded. */
export interface SendOutcome {
  delivery: ClaimedDelivery;
  result: DeliveryAttemptResult;
  /** When the attempt ended (platform clock). */
  at: Date;
}

/**
 * Records the attempts of a batch in one short transaction: the delivery's new status (sent; retrying with
 * its retry timer, after exponential backoff with full jitter; failed when permanent or out of attempts),
 * a delivery-log row, and NotificationDelivered/NotificationFailed for each page it carried. A delivery
 * whose claim was taken over meanwhile (its lease ran out) is left to the sender that holds it now.
 */
export async function recordOutcomes(
  tx: EntityManager,
  outcomes: readonly SendOutcome[],
  policy: RetryPolicy,
  random: () => number = Math.random,
): Promise<void> {
  for (const outcome of outcomes) await recordOne(tx, outcome, policy, random);
}

async function recordOne(tx: EntityManager, outcome: SendOutcome, policy: RetryPolicy, random: () => number) {
  const { delivery, result, at } = outcome;
  const attempt = delivery.attempts;
  const decision: RetryDecision | null = result.ok
    ? null
    : nextAttempt({ attempt, failedAt: at.toISOString(), failure: result.failure }, random(), policy);
  const status = decision === null ? 'sent' : decision.action === 'retry' ? 'retrying' : 'failed';
  const retryAt = decision?.action === 'retry' ? decision.retryAt : null;
  const reason = result.ok ? null : decision?.action === 'give-up' ? `${result.failure.reason}: ${decision.reason}` : result.failure.reason; // prettier-ignore
  const updated = await queryRows<{ id: string }>(
    tx,
    `UPDATE deliveries SET status = $3, lease_until = NULL, status_reason = $4, due_at = COALESCE($5, due_at),
       finished_at = CASE WHEN $3 IN ('sent', 'failed') THEN $6::timestamptz END,
       content = CASE WHEN kind = 'verification' AND $3 IN ('sent', 'failed') THEN '{}'::jsonb ELSE content END
     WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING id`,
    [delivery.id, attempt, status, reason, retryAt, at.toISOString()],
  );
  if (updated.length === 0) return;
  const masked = maskAddress(delivery.channel, delivery.address);
  const final = status === 'failed';
  await tx.query(
    `INSERT INTO delivery_attempts (delivery_id, org_id, attempt, channel, masked_address, outcome, final,
       failure_reason, provider_response, latency_ms, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (delivery_id, attempt) DO NOTHING`,
    [delivery.id, delivery.org_id, attempt, delivery.channel, masked, result.ok ? 'delivered' : 'failed', final || result.ok,
      result.ok ? null : result.failure.reason, result.response, result.latencyMs, at.toISOString()],
  ); // prettier-ignore
  if (retryAt) {
    await scheduleTimers(tx, [
      {
        kind: DeliveryTimers.due,
        key: delivery.id,
        orgId: delivery.org_id,
        dueAt: new Date(retryAt),
        payload: {},
      },
    ]);
  }
  const events = (await pagesCarried(tx, delivery)).map((page) => {
    const fact: NotificationAttempted = {
      deliveryId: delivery.id,
      pageId: page.pageId,
      incidentId: page.incidentId,
      orgId: delivery.org_id,
      userId: delivery.user_id,
      channel: delivery.channel,
      maskedAddress: masked,
      attempt,
      providerResponse: result.response,
      latencyMs: result.latencyMs,
      at: at.toISOString(),
      ...(result.ok ? {} : { final }),
      ...(delivery.kind === 'digest' ? { digest: true } : {}),
    };
    return attemptEvent(result.ok ? NOTIFICATION_DELIVERED : NOTIFICATION_FAILED, fact, page.correlationId);
  });
  await enqueueOutboxMessages(tx, events);
}

interface CarriedPage {
  pageId: string;
  incidentId: string;
  correlationId: string | null;
}

/** The pages a delivery stands for: its own, or every page bundled into a digest. */
async function pagesCarried(tx: EntityManager, delivery: ClaimedDelivery): Promise<CarriedPage[]> {
  if (delivery.kind === 'digest') {
    const rows = await queryRows<{ page_id: string; incident_id: string; correlation_id: string | null }>(
      tx,
      `SELECT d.page_id, d.incident_id, p.correlation_id FROM deliveries d JOIN pages p ON p.page_id = d.page_id
       WHERE d.digest_id = $1 ORDER BY d.due_at, d.id`,
      [delivery.id],
    );
    return rows.map((row) => ({
      pageId: row.page_id,
      incidentId: row.incident_id,
      correlationId: row.correlation_id,
    }));
  }
  if (!delivery.page_id || !delivery.incident_id) return [];
  return [
    {
      pageId: delivery.page_id,
      incidentId: delivery.incident_id,
      correlationId: delivery.page?.correlation_id ?? null,
    },
  ];
}
