import { decideBatching, shouldStillSend } from '@oncall/notification-domain';
import { queryRows } from '@oncall/platform-persistence';
import { scheduleTimers } from '@oncall/platform-timers';
import { EntityManager } from 'typeorm';
import { loadProgress } from '../incident-progress/incident-progress.store';
import { DeliveryRow, setStatus } from './delivery.store';

/** Timer kinds of the notification service (its own timers table). */
export const DeliveryTimers = {
  /** A delivery falls due: a later rule step, or a retry after a failed attempt. Key: delivery id. */
  due: 'delivery-due',
  /** A person's digest may go: a slot of their per-minute limit has freed. Key: throttle key. */
  digest: 'delivery-digest',
} as const;

export type ReleaseOutcome = 'ready' | 'held' | 'suppressed';

/**
 * Decides, in the caller's transaction, what becomes of a delivery that is due: suppressed if the incident
 * was acknowledged or resolved since the page (rules stop), held for the person's digest when they were
 * already sent their limit this minute (first attempts of pages only), else ready for a sender. Nothing
 * here touches the network.
 */
export async function releaseDelivery(
  tx: EntityManager,
  delivery: DeliveryRow,
  now: Date,
  digestThreshold: number,
): Promise<ReleaseOutcome> {
  if (!(await stillWanted(tx, delivery, now))) return 'suppressed';
  const throttleKey = delivery.kind === 'page' && delivery.attempts === 0 ? delivery.throttle_key : null;
  if (throttleKey && (await holdForDigest(tx, delivery, throttleKey, now, digestThreshold))) return 'held';
  await setStatus(tx, delivery.id, 'ready', { dueAt: now });
  return 'ready';
}

/** False (and the delivery marked suppressed) once the incident it is about was acknowledged or resolved. */
export async function stillWanted(tx: EntityManager, delivery: DeliveryRow, now: Date): Promise<boolean> {
  if (!delivery.incident_id || (delivery.kind !== 'page' && delivery.kind !== 'unanswered')) return true;
  const progress = await loadProgress(tx, delivery.org_id, delivery.incident_id);
  const gate = shouldStillSend({ requestedAt: delivery.requested_at.toISOString() }, progress);
  if (gate.send) return true;
  await setStatus(tx, delivery.id, 'suppressed', { reason: gate.reason, finishedAt: now });
  return false;
}

interface ThrottleRow {
  recent_sends: Date[];
  pending_digest_at: Date | null;
}

/** The throttle of one contact method, locked: pages to it are decided one at a time. */
export async function lockThrottle(tx: EntityManager, key: string, orgId: string): Promise<ThrottleRow> {
  await tx.query(
    'INSERT INTO recipient_throttles (throttle_key, org_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [key, orgId],
  );
  const [row] = await queryRows<ThrottleRow>(
    tx,
    'SELECT recent_sends, pending_digest_at FROM recipient_throttles WHERE throttle_key = $1 FOR UPDATE',
    [key],
  );
  return row;
}

/** Counts a message to the contact method now; only the last minute is kept. */
export async function recordSend(
  tx: EntityManager,
  key: string,
  throttle: ThrottleRow,
  now: Date,
): Promise<void> {
  const windowStart = now.getTime() - 60_000;
  const recent = [...throttle.recent_sends.filter((sentAt) => sentAt.getTime() > windowStart), now];
  await tx.query(
    'UPDATE recipient_throttles SET recent_sends = $2::timestamptz[], pending_digest_at = NULL WHERE throttle_key = $1',
    [key, recent.map((sentAt) => sentAt.toISOString())],
  );
}

async function holdForDigest(
  tx: EntityManager,
  delivery: DeliveryRow,
  key: string,
  now: Date,
  digestThreshold: number,
): Promise<boolean> {
  const throttle = await lockThrottle(tx, key, delivery.org_id);
  const decision = decideBatching(
    throttle.recent_sends.map((sentAt) => sentAt.toISOString()),
    now.toISOString(),
    digestThreshold,
    throttle.pending_digest_at?.toISOString() ?? null,
  );
  if (decision.decision === 'send-now') {
    await recordSend(tx, key, throttle, now);
    return false;
  }
  await setStatus(tx, delivery.id, 'held');
  if (throttle.pending_digest_at === null) {
    await tx.query('UPDATE recipient_throttles SET pending_digest_at = $2 WHERE throttle_key = $1', [
      key,
      decision.digestAt,
    ]);
    await scheduleTimers(tx, [
      {
        kind: DeliveryTimers.digest,
        key,
        orgId: delivery.org_id,
        dueAt: new Date(decision.digestAt),
        payload: {},
      },
    ]);
  }
  return true;
}
