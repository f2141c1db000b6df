import { IncidentPage } from '@oncall/contracts';
import { waitFor } from '@oncall/platform-testing';
import { PlatformHarness } from './support/platform-harness';
import { routeCatalogue, RouteInfo } from './support/route-catalogue';

/** Bodies that would be valid for the caller's own resources, so a refusal can only come from isolation. */
const VALID_BODIES: Record<string, object> = {
  'PATCH /api/v1/clients/:id': { name: 'Hijacked client' },
  'PATCH /api/v1/teams/:id': { name: 'Hijacked team' },
  'PUT /api/v1/teams/:id/members': { userIds: [] },
  'PATCH /api/v1/users/:id': { name: 'Hijacked user' },
  'PATCH /api/v1/services/:id': { name: 'Hijacked service' },
  'POST /api/v1/services/:serviceId/integrations': { type: 'generic', name: 'Hijack' },
};

interface OrgA {
  ids: Record<string, string>;
  names: string[];
  integrationKey: string;
}

describe('Tenant isolation, walked over every route of admin-api', () => {
  let platform: PlatformHarness;
  let routes: RouteInfo[];
  let orgA: OrgA;
  const managerA = () => platform.token('org-a', 'manager', 'a-manager');
  const managerB = () => platform.token('org-b', 'manager', 'b-manager');

  beforeAll(async () => {
    platform = await PlatformHarness.create('isolation');
    await platform.start('admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state');
    routes = routeCatalogue(platform.service('admin-api').app);
    orgA = await populate(platform, managerA());
    await populate(platform, managerB(), 'B');
  }, 90_000);
  afterAll(() => platform.close());

  it('answers 404 to organization B for every route given organization A’s ids, and changes nothing', async () => {
    const withIds = routes.filter((route) => !route.isPublic && route.path.includes('/:'));
    expect(withIds.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const route of withIds) {
      const path = fillParams(route.path, orgA.ids);
      const body = VALID_BODIES[`${route.method} ${route.path}`];
      if (
        ['POST', 'PUT', 'PATCH'].includes(route.method) &&
        !body &&
        !/\/(deactivate|reactivate|rotate|revoke)$/.test(route.path)
      ) {
        leaks.push(`${route.method} ${route.path}: add a valid body to VALID_BODIES`);
        continue;
      }
      const response = await platform.api(path, managerB(), {
        method: route.method,
        ...(body || route.method !== 'GET' ? { body: JSON.stringify(body ?? {}) } : {}),
      });
      if (response.status !== 404)
        leaks.push(`${route.method} ${path}: ${response.status} ${await response.text()}`);
    }
    expect(leaks).toEqual([]);
    await expectOrgAUntouched(platform, managerA(), orgA);
  }, 60_000);

  it('never lists organization A’s rows to organization B, on any list route', async () => {
    const lists = routes.filter(
      (route) => !route.isPublic && route.method === 'GET' && !route.path.includes('/:'),
    );
    expect(lists.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/api/v1/clients', '/api/v1/users', '/api/v1/incidents', '/api/v1/audit-log']),
    );
    for (const route of lists) {
      const seenByB = await (await platform.api(route.path, managerB())).text();
      const seenByA = await (await platform.api(route.path, managerA())).text();
      for (const secret of [...Object.values(orgA.ids), ...orgA.names]) {
        expect({ route: route.path, leaked: seenByB.includes(secret) ? secret : null }).toEqual({
          route: route.path,
          leaked: null,
        });
      }
      if (!['/api/v1/me'].includes(route.path)) expect(seenByA).toMatch(/"items":\[\{/); // A does see its own rows
    }
  });
});

function fillParams(path: string, ids: Record<string, string>): string {
  return path.replace(/\/([a-z-]+)\/:[A-Za-z]+/g, (_, collection: string) => {
    const id = ids[collection];
    if (!id) throw new Error(`Add organization A's ${collection} id to the isolation test for ${path}`);
    return `/${collection}/${id}`;
  });
}

async function populate(platform: PlatformHarness, token: string, suffix = 'A'): Promise<OrgA> {
  const post = async (path: string, body: object) => {
    const response = await platform.api(path, token, { method: 'POST', body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, never>;
  };
  const me = (await (await platform.api('/api/v1/me', token)).json()) as { id: string };
  const client = await post('/api/v1/clients', { name: `Client ${suffix}`, psaExternalId: `psa-${suffix}` });
  const user = await post('/api/v1/users', {
    email: `tech-${suffix}@example.test`,
    name: `Tech ${suffix}`,
    role: 'technician',
  });
  const team = await post('/api/v1/teams', { name: `Team ${suffix}`, managerUserId: me.id });
  const service = await post('/api/v1/services', {
    name: `Service ${suffix}`,
    clientId: client.id,
    teamId: team.id,
  });
  const created = await post(`/api/v1/services/${service.id}/integrations`, {
    type: 'generic',
    name: `Monitor ${suffix}`,
  });
  const integration = created.integration as { id: string };
  const summary = `Server down at ${suffix}`;
  expect(
    (await platform.postAlert(created.key, { summary, severity: 'critical', source: 'rmm' })).status,
  ).toBe(202);
  const incident = await waitFor(`org ${suffix}'s incident`, async () => {
    const page = (await (await platform.api('/api/v1/incidents', token)).json()) as IncidentPage;
    return page.items.find((item) => item.title === summary);
  });
  return {
    ids: {
      clients: client.id,
      users: user.id,
      teams: team.id,
      services: service.id,
      integrations: integration.id,
      incidents: incident.incidentId,
    },
    names: [
      `Client ${suffix}`,
      `Tech ${suffix}`,
      `Team ${suffix}`,
      `Service ${suffix}`,
      `Monitor ${suffix}`,
      summary,
    ],
    integrationKey: created.key,
  };
}

async function expectOrgAUntouched(platform: PlatformHarness, token: string, orgA: OrgA): Promise<void> {
  for (const [collection, id] of Object.entries(orgA.ids).filter(([name]) => name !== 'incidents')) {
    const response = await platform.api(`/api/v1/${collection}/${id}`, token);
    const text = await response.text();
    expect({ collection, status: response.status, hijacked: text.includes('Hijack') }).toEqual({
      collection,
      status: 200,
      hijacked: false,
    });
  }
  const users = await (await platform.api(`/api/v1/users/${orgA.ids.users}`, token)).json();
  expect(users).toMatchObject({ active: true });
  const audit = (await (await platform.api('/api/v1/audit-log?limit=200', token)).json()) as {
    items: { actor: { kind: string; name?: string } }[];
  };
  expect(
    audit.items.filter((entry) => entry.actor.kind === 'user' && entry.actor.name !== 'a-manager'),
  ).toEqual([]);
  expect(
    (await platform.postAlert(orgA.integrationKey, { summary: 'still works', severity: 'info', source: 'x' }))
      .status,
  ).toBe(202);
}
