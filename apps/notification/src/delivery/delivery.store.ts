import { ContactMethodType } from '@oncall/contracts';
import { BatchColumn, batchInsert, queryRows } from '@oncall/platform-persistence';
import { EntityManager } from 'typeorm';

type Db = Pick<EntityManager, 'query'>;

export type DeliveryKind = 'page' | 'unanswered' | 'digest' | 'coverage-gap' | 'verification';

/**
 * scheduled: waits on its timer (a later rule step, a retry); held: bundled into the person's next digest;
 * ready: to send now; sending: claimed by a sender (until `lease_until`); retrying: failed, its retry timer
 * is set; sent / failed (final) / suppressed (incident acknowledged or resolved) / digested (went out in a
 * digest).
 */
export type DeliveryStatus =
  'scheduled' | 'held' | 'ready' | 'sending' | 'retrying' | 'sent' | 'failed' | 'suppressed' | 'digested';

export interface DeliveryRow {
  id: string;
  idempotency_key: string;
  org_id: string;
  user_id: string;
  kind: DeliveryKind;
  page_id: string | null;
  incident_id: string | null;
  channel: ContactMethodType;
  contact_method_id: string | null;
  address: string;
  throttle_key: string | null;
  requested_at: Date;
  due_at: Date;
  status: DeliveryStatus;
  attempts: number;
  digest_id: string | null;
  content: Record<string, unknown>;
}

export interface NewDelivery {
  id: string;
  idempotencyKey: string;
  orgId: string;
  userId: string;
  kind: DeliveryKind;
  pageId?: string;
  incidentId?: string;
  channel: ContactMethodType;
  contactMethodId?: string;
  address: string;
  /** Pages to one contact method share a throttle (storm bundling); other kinds have none. */
  throttleKey?: string;
  requestedAt: string;
  dueAt: string;
  status: 'scheduled' | 'ready';
  content?: Record<string, unknown>;
}

const COLUMN_NAMES = [
  'id', 'idempotency_key', 'org_id', 'user_id', 'kind', 'page_id', 'incident_id', 'channel', 'contact_method_id',
  'address', 'throttle_key', 'requested_at', 'due_at', 'status', 'attempts', 'digest_id', 'content',
]; // prettier-ignore

/** The columns of a DeliveryRow, optionally qualified by a table alias. */
export function deliveryColumns(alias?: string): string {
  return COLUMN_NAMES.map((name) => (alias ? `${alias}.${name}` : name)).join(', ');
}

export const DELIVERY_COLUMNS = deliveryColumns();

/** Inserts the deliveries not recorded yet (by idempotency key) and answers those, as stored. */
export function insertDeliveries(
  db: Db,
  deliveries: readonly NewDelivery[],
  now: Date,
): Promise<DeliveryRow[]> {
  if (deliveries.length === 0) return Promise.resolve([]);
  const columns: readonly BatchColumn<NewDelivery>[] = [
    { name: 'id', type: 'uuid', value: (d) => d.id },
    { name: 'idempotency_key', type: 'text', value: (d) => d.idempotencyKey },
    { name: 'org_id', type: 'text', value: (d) => d.orgId },
    { name: 'user_id', type: 'text', value: (d) => d.userId },
    { name: 'kind', type: 'text', value: (d) => d.kind },
    { name: 'page_id', type: 'text', value: (d) => d.pageId ?? null },
    { name: 'incident_id', type: 'text', value: (d) => d.incidentId ?? null },
    { name: 'channel', type: 'text', value: (d) => d.channel },
    { name: 'contact_method_id', type: 'uuid', value: (d) => d.contactMethodId ?? null },
    { name: 'address', type: 'text', value: (d) => d.address },
    { name: 'throttle_key', type: 'text', value: (d) => d.throttleKey ?? null },
    { name: 'requested_at', type: 'timestamptz', value: (d) => d.requestedAt },
    { name: 'due_at', type: 'timestamptz', value: (d) => d.dueAt },
    { name: 'status', type: 'text', value: (d) => d.status },
    { name: 'content', type: 'jsonb', value: (d) => JSON.stringify(d.content ?? {}) },
    { name: 'created_at', type: 'timestamptz', value: () => now.toISOString() },
  ];
  const insert = batchInsert('deliveries', columns, deliveries);
  return queryRows<DeliveryRow>(
    db,
    `${insert.sql} ON CONFLICT (idempotency_key) DO NOTHING RETURNING ${DELIVERY_COLUMNS}`,
    insert.parameters,
  );
}

export async function loadDelivery(db: Db, id: string, lock = false): Promise<DeliveryRow | undefined> {
  const [row] = await queryRows<DeliveryRow>(
    db,
    `SELECT ${DELIVERY_COLUMNS} FROM deliveries WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

export async function setStatus(
  db: Db,
  id: string,
  status: DeliveryStatus,
  fields: { reason?: string; dueAt?: Date; digestId?: string; finishedAt?: Date } = {},
): Promise<void> {
  await db.query(
    `UPDATE deliveries SET status = $2, status_reason = COALESCE($3, status_reason),
       due_at = COALESCE($4, due_at), digest_id = COALESCE($5, digest_id), finished_at = $6
     WHERE id = $1`,
    [
      id,
      status,
      fields.reason ?? null,
      fields.dueAt?.toISOString() ?? null,
      fields.digestId ?? null,
      fields.finishedAt?.toISOString() ?? null,
    ],
  );
}
