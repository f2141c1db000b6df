import { DIRECTORY_STATE_CONTEXT, IntegrationState } from '@oncall/contracts';
import { MessageBus, StateReplica } from '@oncall/platform-messaging';
import { waitFor } from '@oncall/platform-testing';
import { createHash } from 'node:crypto';
import pino from 'pino';
import { ADMIN_API_SCHEMA } from '../apps/admin-api/src/admin-api.service';
import type { IntegrationView as Integration } from '../apps/admin-api/src/directory/integrations/integration.view';
import { DirectoryProbe, ISO_INSTANT, UUID } from './support/directory-probe';

interface Issued {
  integration: Integration;
  key: string;
  alertUrl: string;
}

const ORG = 'integrations-msp';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('Directory: integrations', () => {
  let probe: DirectoryProbe;
  let manager: string;
  let serviceId: string;
  let bus: MessageBus;
  /** The integrations as the gateway's copy sees them (ADR 0131). */
  let copied: StateReplica<IntegrationState>;

  beforeAll(async () => {
    probe = await DirectoryProbe.start('dir-integrations');
    manager = probe.platform.token(ORG, 'manager', 'boss');
    serviceId = (await probe.call<{ id: string }>(manager, 'POST', '/api/v1/services', 201, { name: 'RMM' }))
      .id;
    bus = await probe.platform.connectBus();
    copied = new StateReplica<IntegrationState>(
      bus,
      { context: DIRECTORY_STATE_CONTEXT, resourceType: 'integration' },
      pino({ level: 'silent' }),
    );
    await copied.start();
  }, 30_000);
  afterAll(async () => {
    await copied.stop();
    await bus.close();
    await probe.close();
  });

  const issue = (name: string, type = 'generic', service = serviceId) =>
    probe.call<Issued>(manager, 'POST', `/api/v1/services/${service}/integrations`, 201, { type, name });
  /** The copied view of an integration once it matches `expected`. */
  const copiedView = (integrationId: string, expected: (view: IntegrationState) => boolean) =>
    waitFor(`the copied view of ${integrationId}`, () => {
      const view = copied.get(integrationId);
      return view && expected(view) ? view : undefined;
    });
  const storedHash = (id: string) =>
    probe.platform.withSchema(ADMIN_API_SCHEMA, async (db) => {
      const [row]: { key_hash: string }[] = await db.query(
        'SELECT key_hash FROM integrations WHERE id = $1',
        [id],
      );
      return row.key_hash;
    });
  /** Tables of admin_api in which some column's text contains `secret`. */
  const tablesContaining = (secret: string) =>
    probe.platform.withSchema(ADMIN_API_SCHEMA, async (db) => {
      const tables: { table_name: string }[] = await db.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'`,
        [ADMIN_API_SCHEMA],
      );
      const found: string[] = [];
      for (const { table_name } of tables) {
        const [hit]: { n: number }[] = await db.query(
          `SELECT count(*)::int AS n FROM ${ADMIN_API_SCHEMA}."${table_name}" t WHERE t::text LIKE '%' || $1 || '%'`,
          [secret],
        );
        if (hit.n > 0) found.push(table_name);
      }
      return found;
    });

  it('shows the key once at creation, stores only its SHA-256, and never shows it again', async () => {
    const issued = await issue('PagerDuty bridge', 'pagerduty');
    expect(issued).toEqual({
      integration: {
        id: UUID,
        serviceId,
        type: 'pagerduty',
        name: 'PagerDuty bridge',
        keyHint: issued.key.slice(-4),
        active: true,
        revokedAt: null,
        createdAt: ISO_INSTANT,
        updatedAt: ISO_INSTANT,
      },
      key: expect.stringMatching(/^[0-9a-f]{32}$/),
      // No PUBLIC_ALERTS_URL here: the gateway path alone (test/handed-out-urls covers the configured case).
      alertUrl: `/v1/alerts/pagerduty/${issued.key}`,
    });
    const { integration, key } = issued;
    const read = await probe.platform.api(`/api/v1/integrations/${integration.id}`, manager);
    const listed = await probe.platform.api(`/api/v1/services/${serviceId}/integrations`, manager);
    const [readText, listText] = [await read.text(), await listed.text()];
    expect(JSON.parse(readText)).toEqual(integration);
    // Listed, each carries the URL its source posts to, with a placeholder where the key goes.
    const alertUrlTemplate = '/v1/alerts/pagerduty/YOUR-INTEGRATION-KEY';
    expect(JSON.parse(listText)).toEqual({ items: [{ ...integration, alertUrlTemplate }], nextCursor: null });
    for (const text of [readText, listText]) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(sha256(key));
    }

    expect(await storedHash(integration.id)).toBe(sha256(key));
    expect(await tablesContaining(key)).toEqual([]);
    expect(await tablesContaining(sha256(key))).toEqual(['integrations']);
    const [entry] = await probe.audit(manager, 'integration', integration.id);
    expect(entry).toMatchObject({ action: 'integration.created', before: null, after: integration });
    const event = await probe.event('integration', 'created', integration.id);
    expect(event.data.after).toEqual(integration);
    for (const text of [JSON.stringify(entry), JSON.stringify(event)]) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(sha256(key));
    }
    expect(await copiedView(integration.id, (view) => view.keyHash === sha256(key))).toMatchObject({
      orgId: ORG,
      integrationId: integration.id,
      serviceId,
      type: 'pagerduty',
      active: true,
    });
  });

  it('rotates the key: the new one is shown once, the old one stops matching', async () => {
    const { integration, key: oldKey } = await issue('Rotated');
    const rotated = await probe.call<Issued>(
      manager,
      'POST',
      `/api/v1/integrations/${integration.id}/rotate`,
      200,
    );
    expect(rotated).toEqual({
      integration: { ...integration, keyHint: rotated.key.slice(-4), updatedAt: ISO_INSTANT },
      key: expect.stringMatching(/^[0-9a-f]{32}$/),
      alertUrl: `/v1/alerts/generic/${rotated.key}`,
    });
    expect(rotated.key).not.toBe(oldKey);
    expect(await storedHash(integration.id)).toBe(sha256(rotated.key));
    const view = await copiedView(integration.id, (copy) => copy.keyHash === sha256(rotated.key));
    expect(view).toMatchObject({ active: true });
    expect(view.keyHash).not.toBe(sha256(oldKey));
    expect(await tablesContaining(rotated.key)).toEqual([]);

    const [entry] = await probe.audit(manager, 'integration', integration.id);
    expect(entry).toMatchObject({
      action: 'integration.rotated',
      actor: { kind: 'user', name: 'boss' },
      before: integration,
      after: rotated.integration,
    });
    const event = await probe.event('integration', 'rotated', integration.id);
    expect(event.data).toMatchObject({ before: integration, after: rotated.integration });
    expect(JSON.stringify(event)).not.toContain(rotated.key);
    expect(JSON.stringify(event)).not.toContain(sha256(rotated.key));
  });

  it('revokes an integration idempotently; a revoked one cannot be rotated', async () => {
    const { integration, key } = await issue('Revoked');
    const path = `/api/v1/integrations/${integration.id}`;
    const revoked = await probe.call<Integration>(manager, 'POST', `${path}/revoke`, 200);
    expect(revoked).toEqual({
      ...integration,
      active: false,
      revokedAt: ISO_INSTANT,
      updatedAt: ISO_INSTANT,
    });
    expect(await probe.call(manager, 'POST', `${path}/revoke`, 200)).toEqual(revoked);
    expect(await probe.call(manager, 'GET', path, 200)).toEqual(revoked);
    expect(await copiedView(integration.id, (view) => !view.active)).toMatchObject({ keyHash: sha256(key) });
    expect((await probe.problem(manager, 'POST', `${path}/rotate`, 409)).code).toBe('INTEGRATION_REVOKED');

    const actions = (await probe.audit(manager, 'integration', integration.id)).map((entry) => entry.action);
    expect(actions).toEqual(['integration.revoked', 'integration.created']);
    expect((await probe.event('integration', 'revoked', integration.id)).data).toMatchObject({
      before: integration,
      after: revoked,
    });
  });

  it('refuses a second live integration of the same name on a service with 409, not after revocation', async () => {
    const { integration } = await issue('Twice');
    const body = { type: 'rmm', name: 'Twice' };
    const problem = await probe.problem(
      manager,
      'POST',
      `/api/v1/services/${serviceId}/integrations`,
      409,
      body,
    );
    expect(problem.code).toBe('DUPLICATE_NAME');
    await probe.call(manager, 'POST', `/api/v1/integrations/${integration.id}/revoke`, 200);
    expect((await issue('Twice', 'rmm')).integration).toMatchObject({
      name: 'Twice',
      type: 'rmm',
      active: true,
    });
  });

  describe('refuses a bad integration', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['an unknown type', { type: 'nagios', name: 'N' }, 'type'],
      ['a missing name', { type: 'generic' }, 'name'],
      ['a key chosen by the caller', { type: 'generic', name: 'K', key: 'mine' }, 'key'],
    ])('%s with 400 naming the field', async (_, body, field) => {
      await probe.problem(manager, 'POST', `/api/v1/services/${serviceId}/integrations`, 400, body, field);
    });

    it('on a service of another organization or none with 404', async () => {
      const stranger = probe.platform.token('other-msp', 'manager', 'stranger');
      const foreign = await probe.call<{ id: string }>(stranger, 'POST', '/api/v1/services', 201, {
        name: 'Theirs',
      });
      const body = { type: 'generic', name: 'Sneaky' };
      await probe.problem(manager, 'POST', `/api/v1/services/${foreign.id}/integrations`, 404, body);
      await probe.problem(manager, 'GET', `/api/v1/services/${foreign.id}/integrations`, 404);
      await probe.problem(
        manager,
        'POST',
        '/api/v1/services/00000000-0000-4000-8000-000000000000/integrations',
        404,
        body,
      );
    });
  });

  it('lets a technician list integrations but not create one', async () => {
    const technician = probe.platform.token(ORG, 'technician', 'tech');
    await probe.call(technician, 'GET', `/api/v1/services/${serviceId}/integrations`, 200);
    const body = { type: 'generic', name: 'Nope' };
    await probe.problem(technician, 'POST', `/api/v1/services/${serviceId}/integrations`, 403, body);
  });

  it('pages through a service integrations with a cursor, without duplicates or gaps', async () => {
    const service = await probe.call<{ id: string }>(manager, 'POST', '/api/v1/services', 201, {
      name: 'Paged',
    });
    const issued: Integration[] = [];
    for (let index = 0; index < 5; index += 1)
      issued.push((await issue(`Page ${index}`, 'generic', service.id)).integration);
    const pages = await probe.walk<Integration>(manager, `/api/v1/services/${service.id}/integrations`, 2);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    const alertUrlTemplate = '/v1/alerts/generic/YOUR-INTEGRATION-KEY';
    expect(pages.flat()).toEqual(issued.map((integration) => ({ ...integration, alertUrlTemplate })));
  });
});
