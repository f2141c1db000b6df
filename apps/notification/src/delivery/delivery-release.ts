import { decideBatching, shouldStillSend } from '@oncall/notification-domain';
import { queryRows } from '@oncall/platform-persistence';
import { scheduleTimers, TimerSpec } from '@oncall/platform-timers';
import { EntityManager } from 'typeorm';
import { loadProgressOf } from '../incident-progress/incident-progress.store';
import { DeliveryRow } from './delivery.store';

/** Timer kinds of the notification service (its own timers table). */
export const DeliveryTimers = {
  /** A delivery falls due: a later rule step, or a retry after a failed attempt. Key: delivery id. */
  due: 'delivery-due',
  /** A person's digest may go: a slot of their per-minute limit has freed. Key: throttle key. */
  digest: 'delivery-digest',
} as const;

export type ReleaseDecision = { status: 'ready' | 'held' | 'suppressed'; reason: string | null };

/**
 * Decides, in the caller's transaction, what becomes of deliveries that are due: suppressed if their
 * incident was acknowledged or resolved since the page (rules stop); held for the person's digest when
 * that contact method already had its limit this minute (first attempts of pages only); else ready for a
 * sender. Deliveries are decided in the order given, a handful of statements however many there are, and
 * nothing here touches the network.
 */
export async function releaseDeliveries(
  tx: EntityManager,
  deliveries: readonly DeliveryRow[],
  now: Date,
  digestThreshold: number,
): Promise<void> {
  if (deliveries.length === 0) return;
  const decisions = new Map<string, ReleaseDecision>();
  const wanted = await gate(tx, deliveries, decisions);
  const throttled = wanted.filter((delivery) => delivery.kind === 'page' && delivery.attempts === 0 && delivery.throttle_key); // prettier-ignore
  for (const delivery of wanted) decisions.set(delivery.id, { status: 'ready', reason: null });
  if (throttled.length > 0) await throttle(tx, throttled, now, digestThreshold, decisions);
  await applyDecisions(tx, decisions, now);
}

/** The deliveries still wanted; the others are decided suppressed, with why. */
export async function gate(
  tx: EntityManager,
  deliveries: readonly DeliveryRow[],
  decisions: Map<string, ReleaseDecision>,
): Promise<DeliveryRow[]> {
  const aboutIncidents = new Set(
    deliveries.filter(
      (delivery) => delivery.incident_id && (delivery.kind === 'page' || delivery.kind === 'unanswered'),
    ),
  );
  const progress = await loadProgressOf(
    tx,
    [...aboutIncidents].map((delivery) => delivery.incident_id ?? ''),
  );
  return deliveries.filter((delivery) => {
    if (!aboutIncidents.has(delivery)) return true;
    const incident = progress.get(delivery.incident_id ?? '') ?? { status: 'none', lastAcknowledgedAt: null };
    const verdict = shouldStillSend({ requestedAt: delivery.requested_at.toISOString() }, incident);
    if (!verdict.send) decisions.set(delivery.id, { status: 'suppressed', reason: verdict.reason });
    return verdict.send;
  });
}

export interface Throttle {
  key: string;
  recentSends: Date[];
  pendingDigestAt: Date | null;
}

/** The throttles of these contact methods, locked (in key order, so two writers never deadlock). */
export async function lockThrottles(
  tx: EntityManager,
  keys: readonly { key: string; orgId: string }[],
): Promise<Map<string, Throttle>> {
  const unique = [...new Map(keys.map((entry) => [entry.key, entry])).values()].sort((a, b) => (a.key < b.key ? -1 : 1)); // prettier-ignore
  const rows = await queryRows<{
    throttle_key: string;
    recent_sends: Date[];
    pending_digest_at: Date | null;
  }>(
    tx,
    `INSERT INTO recipient_throttles (throttle_key, org_id)
     SELECT * FROM unnest($1::text[], $2::text[]) ORDER BY 1
     ON CONFLICT (throttle_key) DO UPDATE SET throttle_key = EXCLUDED.throttle_key
     RETURNING throttle_key, recent_sends, pending_digest_at`,
    [unique.map((entry) => entry.key), unique.map((entry) => entry.orgId)],
  );
  return new Map(rows.map((row) => [row.throttle_key, { key: row.throttle_key, recentSends: row.recent_sends, pendingDigestAt: row.pending_digest_at }])); // prettier-ignore
}

/** Counts a message to the contact method now (only the last minute is kept) and ends a pending digest. */
export function countSend(throttle: Throttle, now: Date): void {
  const windowStart = now.getTime() - 60_000;
  throttle.recentSends = [...throttle.recentSends.filter((sentAt) => sentAt.getTime() > windowStart), now];
  throttle.pendingDigestAt = null;
}

export async function saveThrottles(tx: EntityManager, throttles: readonly Throttle[]): Promise<void> {
  if (throttles.length === 0) return;
  await tx.query(
    `UPDATE recipient_throttles t SET recent_sends = s.recent_sends, pending_digest_at = s.pending_digest_at
     FROM (SELECT key, array(SELECT jsonb_array_elements_text(sends)::timestamptz) AS recent_sends, pending_digest_at
           FROM unnest($1::text[], $2::jsonb[], $3::timestamptz[]) AS u(key, sends, pending_digest_at)) s
     WHERE t.throttle_key = s.key`,
    [
      throttles.map((throttle) => throttle.key),
      throttles.map((throttle) => JSON.stringify(throttle.recentSends.map((sentAt) => sentAt.toISOString()))),
      throttles.map((throttle) => throttle.pendingDigestAt?.toISOString() ?? null),
    ],
  ); // prettier-ignore
}

/** Per contact method, in order: send now while under the limit, else hold for the digest (one timer). */
async function throttle(
  tx: EntityManager,
  deliveries: readonly DeliveryRow[],
  now: Date,
  digestThreshold: number,
  decisions: Map<string, ReleaseDecision>,
): Promise<void> {
  const throttles = await lockThrottles(tx, deliveries.map((delivery) => ({ key: delivery.throttle_key ?? '', orgId: delivery.org_id }))); // prettier-ignore
  const digestTimers: TimerSpec[] = [];
  for (const delivery of deliveries) {
    const throttle = throttles.get(delivery.throttle_key ?? '');
    if (!throttle) continue;
    const pending = throttle.pendingDigestAt?.toISOString() ?? null;
    const recent = throttle.recentSends.map((sentAt) => sentAt.toISOString());
    const decision = decideBatching(recent, now.toISOString(), digestThreshold, pending);
    if (decision.decision === 'send-now') {
      countSend(throttle, now);
      continue;
    }
    decisions.set(delivery.id, { status: 'held', reason: null });
    if (pending === null) {
      throttle.pendingDigestAt = new Date(decision.digestAt);
      digestTimers.push({ kind: DeliveryTimers.digest, key: throttle.key, orgId: delivery.org_id, dueAt: throttle.pendingDigestAt, payload: {} }); // prettier-ignore
    }
  }
  await saveThrottles(tx, [...throttles.values()]);
  await scheduleTimers(tx, digestTimers);
}

/** Writes every decision in one statement: ready ones are due now, suppressed ones are finished. */
async function applyDecisions(
  tx: EntityManager,
  decisions: Map<string, ReleaseDecision>,
  now: Date,
): Promise<void> {
  const entries = [...decisions.entries()];
  await tx.query(
    `UPDATE deliveries d SET status = u.status, status_reason = COALESCE(u.reason, d.status_reason),
       due_at = CASE WHEN u.status = 'ready' THEN $4::timestamptz ELSE d.due_at END,
       finished_at = CASE WHEN u.status = 'suppressed' THEN $4::timestamptz ELSE d.finished_at END
     FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, status, reason)
     WHERE d.id = u.id`,
    [entries.map(([id]) => id), entries.map(([, decision]) => decision.status), entries.map(([, decision]) => decision.reason), now.toISOString()],
  ); // prettier-ignore
}
