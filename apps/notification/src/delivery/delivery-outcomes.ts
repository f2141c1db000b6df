import { NOTIFICATION_DELIVERED, NOTIFICATION_FAILED, NotificationAttempted } from '@oncall/contracts';
import { nextAttempt, RetryPolicy } from '@oncall/notification-domain';
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

/** An outcome with what it decides: the delivery's next status, its retry, its log line. */
interface Decided extends SendOutcome {
  status: 'sent' | 'retrying' | 'failed';
  reason: string | null;
  retryAt: string | null;
  masked: string;
}

/**
 * Records the attempts of a batch in one short transaction, with a handful of statements whatever its
 * size: each delivery's new status (sent; retrying with its retry timer, after exponential backoff with
 * full jitter; failed when permanent or out of attempts), a delivery-log row per attempt, and
 * NotificationDelivered/NotificationFailed for each page a delivery carried. A delivery whose claim was
 * taken over meanwhile (its lease ran out) is left to the sender that holds it now.
 */
export async function recordOutcomes(
  tx: EntityManager,
  outcomes: readonly SendOutcome[],
  policy: RetryPolicy,
  random: () => number = Math.random,
): Promise<void> {
  const decided = outcomes.map((outcome) => decide(outcome, policy, random));
  const kept = await updateDeliveries(tx, decided);
  if (kept.length === 0) return;
  await insertAttempts(tx, kept);
  await scheduleTimers(
    tx,
    kept.flatMap(({ delivery, retryAt }) =>
      retryAt
        ? [{ kind: DeliveryTimers.due, key: delivery.id, orgId: delivery.org_id, dueAt: new Date(retryAt), payload: {} }]
        : [],
    ),
  );
  const carried = await pagesCarried(tx, kept);
  await enqueueOutboxMessages(tx, kept.flatMap((outcome) => eventsOf(outcome, carried.get(outcome.delivery.id) ?? [])));
} // prettier-ignore

function decide(outcome: SendOutcome, policy: RetryPolicy, random: () => number): Decided {
  const { delivery, result, at } = outcome;
  const masked = maskAddress(delivery.channel, delivery.address);
  if (result.ok) return { ...outcome, status: 'sent', reason: null, retryAt: null, masked };
  const failed = { attempt: delivery.attempts, failedAt: at.toISOString(), failure: result.failure };
  const decision = nextAttempt(failed, random(), policy);
  if (decision.action === 'retry') {
    return {
      ...outcome,
      status: 'retrying',
      reason: result.failure.reason,
      retryAt: decision.retryAt,
      masked,
    };
  }
  return { ...outcome, status: 'failed', reason: `${result.failure.reason}: ${decision.reason}`, retryAt: null, masked }; // prettier-ignore
}

/** Moves each delivery on, if this sender still holds its claim (same attempt, still sending). */
async function updateDeliveries(tx: EntityManager, decided: readonly Decided[]): Promise<Decided[]> {
  if (decided.length === 0) return [];
  const updated = await queryRows<{ id: string }>(
    tx,
    `UPDATE deliveries d SET status = o.status, lease_until = NULL, status_reason = o.reason,
       due_at = COALESCE(o.retry_at, d.due_at),
       finished_at = CASE WHEN o.status IN ('sent', 'failed') THEN o.at END,
       content = CASE WHEN d.kind = 'verification' AND o.status IN ('sent', 'failed') THEN '{}'::jsonb ELSE d.content END
     FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[])
       AS o(id, attempt, status, reason, retry_at, at)
     WHERE d.id = o.id AND d.status = 'sending' AND d.attempts = o.attempt
     RETURNING d.id`,
    [
      decided.map(({ delivery }) => delivery.id),
      decided.map(({ delivery }) => delivery.attempts),
      decided.map(({ status }) => status),
      decided.map(({ reason }) => reason),
      decided.map(({ retryAt }) => retryAt),
      decided.map(({ at }) => at.toISOString()),
    ],
  ); // prettier-ignore
  const ids = new Set(updated.map((row) => row.id));
  return decided.filter(({ delivery }) => ids.has(delivery.id));
}

/** The delivery log: one row per attempt, with the provider's answer and the latency. */
async function insertAttempts(tx: EntityManager, kept: readonly Decided[]): Promise<void> {
  const column = <T>(pick: (outcome: Decided) => T) => kept.map(pick);
  await tx.query(
    `INSERT INTO delivery_attempts (delivery_id, org_id, attempt, channel, masked_address, outcome, final,
       failure_reason, provider_response, latency_ms, at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::boolean[],
       $8::text[], $9::text[], $10::int[], $11::timestamptz[])
     ON CONFLICT (delivery_id, attempt) DO NOTHING`,
    [
      column(({ delivery }) => delivery.id),
      column(({ delivery }) => delivery.org_id),
      column(({ delivery }) => delivery.attempts),
      column(({ delivery }) => delivery.channel),
      column(({ masked }) => masked),
      column(({ result }) => (result.ok ? 'delivered' : 'failed')),
      column(({ status }) => status !== 'retrying'),
      column(({ result }) => (result.ok ? null : result.failure.reason)),
      column(({ result }) => result.response),
      column(({ result }) => result.latencyMs),
      column(({ at }) => at.toISOString()),
    ],
  );
}

interface CarriedPage {
  pageId: string;
  incidentId: string;
  correlationId: string | null;
}

/** The pages each delivery stands for: its own, or every page bundled into a digest. */
async function pagesCarried(
  tx: EntityManager,
  kept: readonly Decided[],
): Promise<Map<string, CarriedPage[]>> {
  const carried = new Map<string, CarriedPage[]>();
  for (const { delivery } of kept) {
    if (delivery.kind === 'digest' || !delivery.page_id || !delivery.incident_id) continue;
    carried.set(delivery.id, [{ pageId: delivery.page_id, incidentId: delivery.incident_id, correlationId: delivery.page?.correlation_id ?? null }]); // prettier-ignore
  }
  const digests = kept
    .filter(({ delivery }) => delivery.kind === 'digest')
    .map(({ delivery }) => delivery.id);
  if (digests.length === 0) return carried;
  const rows = await queryRows<{ digest_id: string; page_id: string; incident_id: string; correlation_id: string | null }>(
    tx,
    `SELECT d.digest_id, d.page_id, d.incident_id, p.correlation_id FROM deliveries d JOIN pages p ON p.page_id = d.page_id
     WHERE d.digest_id = ANY($1::uuid[]) ORDER BY d.due_at, d.id`,
    [digests],
  ); // prettier-ignore
  for (const row of rows) {
    const page = { pageId: row.page_id, incidentId: row.incident_id, correlationId: row.correlation_id };
    carried.set(row.digest_id, [...(carried.get(row.digest_id) ?? []), page]);
  }
  return carried;
}

function eventsOf(outcome: Decided, pages: readonly CarriedPage[]) {
  const { delivery, result, at, status, masked } = outcome;
  return pages.map((page) => {
    const fact: NotificationAttempted = {
      deliveryId: delivery.id,
      pageId: page.pageId,
      incidentId: page.incidentId,
      orgId: delivery.org_id,
      userId: delivery.user_id,
      channel: delivery.channel,
      maskedAddress: masked,
      attempt: delivery.attempts,
      providerResponse: result.response,
      latencyMs: result.latencyMs,
      at: at.toISOString(),
      ...(result.ok ? {} : { final: status === 'failed' }),
      ...(delivery.kind === 'digest' ? { digest: true } : {}),
    };
    return attemptEvent(result.ok ? NOTIFICATION_DELIVERED : NOTIFICATION_FAILED, fact, page.correlationId);
  });
}
