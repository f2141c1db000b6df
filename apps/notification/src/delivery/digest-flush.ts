import { PagedIncident } from '@oncall/contracts';
import { composeDigest, HeldPage } from '@oncall/notification-domain';
import { queryRows } from '@oncall/platform-persistence';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { countSend, gate, lockThrottles, ReleaseDecision, saveThrottles } from './delivery-release';
import { deliveryColumns, DeliveryRow, insertDeliveries, setStatus } from './delivery.store';

type HeldRow = DeliveryRow & { incident: PagedIncident };

/** What a digest delivery carries to its renderer. */
export interface DigestContent {
  pageCount: number;
  entries: ReturnType<typeof composeDigest>['entries'];
}

/**
 * A slot of the person's per-minute limit has freed: every page held for the contact method goes out as one
 * digest (ADR 0110), which takes that slot. Pages whose incident was acknowledged or resolved meanwhile
 * are suppressed like any other; a single page left goes out as itself. In the timer's transaction.
 */
export async function flushDigest(
  tx: EntityManager,
  throttleKey: string,
  orgId: string,
  now: Date,
): Promise<void> {
  const throttle = (await lockThrottles(tx, [{ key: throttleKey, orgId }])).get(throttleKey);
  if (!throttle) return;
  const held = await queryRows<HeldRow>(
    tx,
    `SELECT ${deliveryColumns('d')}, p.incident FROM deliveries d
     JOIN pages p ON p.page_id = d.page_id
     WHERE d.throttle_key = $1 AND d.status = 'held' ORDER BY d.due_at, d.id FOR UPDATE OF d`,
    [throttleKey],
  );
  const suppressed = new Map<string, ReleaseDecision>();
  const kept = (await gate(tx, held, suppressed)) as HeldRow[];
  await markSuppressed(tx, suppressed, now);
  if (kept.length === 0) {
    throttle.pendingDigestAt = null;
    await saveThrottles(tx, [throttle]);
    return;
  }
  countSend(throttle, now);
  await saveThrottles(tx, [throttle]);
  if (kept.length === 1) {
    await setStatus(tx, kept[0].id, 'ready', { dueAt: now });
    return;
  }
  const digest = composeDigest(kept.map(toHeldPage));
  const [first] = kept;
  const content: DigestContent = { pageCount: digest.pageCount, entries: digest.entries };
  const [inserted] = await insertDeliveries(
    tx,
    [
      {
        id: randomUUID(),
        idempotencyKey: digest.idempotencyKey,
        orgId: first.org_id,
        userId: first.user_id,
        kind: 'digest',
        channel: first.channel,
        contactMethodId: first.contact_method_id ?? undefined,
        address: first.address,
        throttleKey,
        requestedAt: now.toISOString(),
        dueAt: now.toISOString(),
        status: 'ready',
        content: content as unknown as Record<string, unknown>,
      },
    ],
    now,
  );
  // A digest is keyed by its smallest page: already recorded means these pages already went in it.
  const digestId = inserted?.id ?? (await digestIdOf(tx, digest.idempotencyKey));
  await tx.query(
    `UPDATE deliveries SET status = 'digested', digest_id = $2, finished_at = $3 WHERE id = ANY($1::uuid[])`,
    [kept.map((delivery) => delivery.id), digestId, now.toISOString()],
  );
}

async function markSuppressed(
  tx: EntityManager,
  suppressed: Map<string, { reason: string | null }>,
  now: Date,
): Promise<void> {
  for (const [id, { reason }] of suppressed) {
    await setStatus(tx, id, 'suppressed', { reason: reason ?? undefined, finishedAt: now });
  }
}

function toHeldPage(delivery: HeldRow): HeldPage {
  const { incident } = delivery;
  // Held deliveries are pages, joined to their page: they always name an incident.
  const incidentId = delivery.incident_id ?? '';
  return {
    idempotencyKey: delivery.idempotency_key,
    orgId: delivery.org_id,
    userId: delivery.user_id,
    incidentId,
    title: incident.title,
    severity: incident.severity,
    serviceName: incident.serviceName ?? 'Unknown service',
    clientName: incident.clientName,
    heldAt: delivery.due_at.toISOString(),
  };
}

async function digestIdOf(tx: EntityManager, idempotencyKey: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(tx, 'SELECT id FROM deliveries WHERE idempotency_key = $1', [
    idempotencyKey,
  ]);
  return row.id;
}
