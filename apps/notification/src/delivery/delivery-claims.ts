import { queryRows } from '@oncall/platform-persistence';
import { EntityManager } from 'typeorm';
import type { PageRow } from '../pages/page.store';
import { deliveryColumns, DeliveryRow } from './delivery.store';

/** A delivery a sender holds, with its page (for page and unanswered kinds). */
export interface ClaimedDelivery extends DeliveryRow {
  page: Pick<PageRow, 'page_id' | 'urgency' | 'incident' | 'correlation_id'> | null;
}

/**
 * How long a claim protects a delivery being sent. Database time, not the platform clock: a lease is about
 * a process being alive (a test's fast-forward must not hand a send in flight to another sender), and the
 * bound on one send (timeouts) is far below it.
 */
export const LEASE = "interval '2 minutes'";

/**
 * Claims up to `limit` deliveries to send, in one statement (its own short transaction): ready ones, and
 * ones whose sender's lease ran out (it crashed mid-send). Each claim counts an attempt.
 */
export function claimDeliveries(db: Pick<EntityManager, 'query'>, limit: number): Promise<ClaimedDelivery[]> {
  return queryRows<ClaimedDelivery>(
    db,
    `WITH claimable AS (
       SELECT id FROM deliveries
       WHERE status = 'ready' OR (status = 'sending' AND lease_until < clock_timestamp())
       ORDER BY due_at, id LIMIT $1 FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE deliveries d SET status = 'sending', attempts = d.attempts + 1,
         lease_until = clock_timestamp() + ${LEASE}
       FROM claimable WHERE d.id = claimable.id
       RETURNING ${deliveryColumns('d')}
     )
     SELECT claimed.*, CASE WHEN p.page_id IS NULL THEN NULL ELSE
       jsonb_build_object('page_id', p.page_id, 'urgency', p.urgency, 'incident', p.incident,
                          'correlation_id', p.correlation_id) END AS page
     FROM claimed LEFT JOIN pages p ON p.page_id = claimed.page_id`,
    [limit],
  );
}
