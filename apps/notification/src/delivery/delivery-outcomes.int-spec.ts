import { DEFAULT_RETRY_POLICY } from '@oncall/notification-domain';
import { migratedServiceDatabase } from '@oncall/platform-persistence/testing';
import { stageForAll } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { NOTIFICATION_MIGRATIONS } from '../notification.service';
import { recordPage } from '../pages/page.store';
import type { DeliveryAttemptResult } from '../senders/delivery-attempt.result';
import { claimDeliveries } from './delivery-claims';
import { recordOutcomes } from './delivery-outcomes';
import { insertDeliveries } from './delivery.store';

const SCHEMA = 'notification_outcomes';
const ok: DeliveryAttemptResult = { ok: true, accepted: ['a@msp.example'], response: '250 OK', latencyMs: 3 };
const down: DeliveryAttemptResult = {
  ok: false,
  failure: { kind: 'transient', reason: 'smtp-unreachable' },
  response: 'ECONNREFUSED',
  latencyMs: 1,
};
const refused: DeliveryAttemptResult = {
  ok: false,
  failure: { kind: 'permanent', reason: 'smtp-permanent-refusal' },
  response: '550 no such user',
  latencyMs: 2,
};

/** Claims and outcomes against a real PostgreSQL: what a crash between send and record can and cannot do. */
describe('Delivery claims and recorded outcomes (real PostgreSQL)', () => {
  const database = stageForAll(() =>
    migratedServiceDatabase('outcomes', { schema: SCHEMA, migrations: NOTIFICATION_MIGRATIONS }),
  );

  async function readyPageDelivery(): Promise<string> {
    const now = new Date();
    const incidentId = randomUUID();
    const request = { pageId: `page-${incidentId}`, kind: 'page' as const, incidentId, orgId: 'org-1', userId: 'u-1', generation: 1, level: 1, cycle: 1, reason: 'step 1', urgency: 'high' as const, requestedAt: now.toISOString(), incident: { title: 'Disk full', severity: 'critical' as const, serviceId: 's', serviceName: 'Servers', clientName: null, triggeredAt: now.toISOString(), alert: { summary: 'Disk full', source: null, device: null, details: null, defend: null } } }; // prettier-ignore
    await recordPage(database.dataSource, request, 'corr-1', now);
    const [row] = await insertDeliveries(database.dataSource, [{ id: randomUUID(), idempotencyKey: `k-${incidentId}`, orgId: 'org-1', userId: 'u-1', kind: 'page', pageId: request.pageId, incidentId, channel: 'email', address: 'a@msp.example', requestedAt: now.toISOString(), dueAt: now.toISOString(), status: 'ready' }], now); // prettier-ignore
    return row.id;
  }

  const rowsOf = (sql: string, params: unknown[]) => database.dataSource.query(sql, params);

  it('claims a delivery once; after a crash its lease runs out and it is sent again, the lost claim records nothing', async () => {
    const id = await readyPageDelivery();
    const [first] = (await claimDeliveries(database.dataSource, 10)).filter((claimed) => claimed.id === id);
    expect(first).toMatchObject({ status: 'sending', attempts: 1, page: { page_id: expect.any(String), urgency: 'high' } });
    expect((await claimDeliveries(database.dataSource, 10)).map((claimed) => claimed.id)).not.toContain(id);

    // The sender crashed after the relay took the message: nothing recorded; the lease runs out.
    await database.dataSource.query(`UPDATE deliveries SET lease_until = clock_timestamp() - interval '1 second' WHERE id = $1`, [id]);
    const [second] = (await claimDeliveries(database.dataSource, 10)).filter((claimed) => claimed.id === id);
    expect(second).toMatchObject({ attempts: 2 });

    await database.dataSource.transaction((tx) => recordOutcomes(tx, [{ delivery: first, result: ok, at: new Date() }], DEFAULT_RETRY_POLICY));
    expect(await rowsOf('SELECT status FROM deliveries WHERE id = $1', [id])).toEqual([{ status: 'sending' }]);
    await database.dataSource.transaction((tx) => recordOutcomes(tx, [{ delivery: second, result: ok, at: new Date() }], DEFAULT_RETRY_POLICY));
    expect(await rowsOf('SELECT status, lease_until FROM deliveries WHERE id = $1', [id])).toEqual([{ status: 'sent', lease_until: null }]);
    expect(await rowsOf('SELECT attempt, outcome, final FROM delivery_attempts WHERE delivery_id = $1', [id])).toEqual([{ attempt: 2, outcome: 'delivered', final: true }]);
    const events = await rowsOf(`SELECT subject, body::jsonb -> 'data' AS data FROM outbox WHERE body::jsonb -> 'data' ->> 'deliveryId' = $1`, [id]);
    expect(events).toEqual([{ subject: 'oncall.evt.notification.notification-delivered.v1', data: expect.objectContaining({ attempt: 2, channel: 'email', maskedAddress: 'a***@msp.example', providerResponse: '250 OK' }) }]);
  }); // prettier-ignore

  it('retries a transient failure on a timer after backoff with jitter, and gives up at once on a permanent one', async () => {
    const id = await readyPageDelivery();
    const [claimed] = (await claimDeliveries(database.dataSource, 10)).filter((delivery) => delivery.id === id);
    const at = new Date();
    await database.dataSource.transaction((tx) => recordOutcomes(tx, [{ delivery: claimed, result: down, at }], DEFAULT_RETRY_POLICY, () => 0.5));
    const [retrying] = await rowsOf('SELECT status, due_at FROM deliveries WHERE id = $1', [id]);
    expect(retrying.status).toBe('retrying');
    expect(retrying.due_at.getTime()).toBe(at.getTime() + 1_000); // max(1 s, 0.5 · 2 s)
    expect(await rowsOf(`SELECT kind, due_at FROM timers WHERE key = $1`, [id])).toEqual([{ kind: 'delivery-due', due_at: retrying.due_at }]);

    await database.dataSource.query(`UPDATE deliveries SET status = 'ready' WHERE id = $1`, [id]);
    const [again] = (await claimDeliveries(database.dataSource, 10)).filter((delivery) => delivery.id === id);
    await database.dataSource.transaction((tx) => recordOutcomes(tx, [{ delivery: again, result: refused, at: new Date() }], DEFAULT_RETRY_POLICY));
    expect(await rowsOf('SELECT status, status_reason FROM deliveries WHERE id = $1', [id])).toEqual([{ status: 'failed', status_reason: 'smtp-permanent-refusal: permanent-failure' }]);
    const failed = await rowsOf(`SELECT body::jsonb -> 'data' ->> 'final' AS final FROM outbox WHERE subject LIKE '%notification-failed%' AND body::jsonb -> 'data' ->> 'deliveryId' = $1 ORDER BY id`, [id]);
    expect(failed).toEqual([{ final: 'false' }, { final: 'true' }]);
  }); // prettier-ignore
});
