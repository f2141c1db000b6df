import { IncidentPage } from '@oncall/contracts';
import { waitFor } from '@oncall/platform-testing';
import { PlatformHarness } from './support/platform-harness';
import { routeCatalogue, RouteInfo } from './support/route-catalogue';

/** Bodies that would be valid for the caller's own resources, so a refusal can only come from isolation. */
const VALID_BODIES: Record<string, object> = {
  'PUT /api/v1/schedules/:id': {
    name: 'Hijacked schedule',
    timeZone: 'UTC',
    layers: [
      {
        name: 'Hijack',
        participants: [],
        rotation: { kind: 'daily' },
        handoffAnchor: '2030-01-01T09:00',
        start: '2030-01-01T00:00:00Z',
      },
    ],
  },
  'POST /api/v1/schedules/:id/overrides': {
    userId: '00000000-0000-4000-8000-000000000000',
    start: '2030-01-01T00:00:00Z',
    end: '2030-01-01T02:00:00Z',
  },
  'POST /api/v1/incidents/:id/acknowledge': {},
  'POST /api/v1/incidents/:id/unacknowledge': {},
  'POST /api/v1/incidents/:id/resolve': {},
  'POST /api/v1/incidents/:id/notes': { text: 'Hijack note' },
  'POST /api/v1/incidents/:id/snooze': { durationMinutes: 30 },
  'POST /api/v1/incidents/:id/reassign': { to: { kind: 'escalation-level', level: 1 } },
  'POST /api/v1/incidents/:id/escalate': { fromLevel: 1, toLevel: 2 },
  'POST /api/v1/incidents/:id/priority': { priority: 'P1' },
  'POST /api/v1/incidents/:id/severity': { severity: 'info' },
  'POST /api/v1/incidents/:id/merge': { sourceIncidentIds: ['00000000-0000-4000-8000-000000000000'] },
  'PATCH /api/v1/clients/:id': { name: 'Hijacked client' },
  'PATCH /api/v1/teams/:id': { name: 'Hijacked team' },
  'PUT /api/v1/teams/:id/members': { userIds: [] },
  'PATCH /api/v1/users/:id': { name: 'Hijacked user' },
  'PATCH /api/v1/services/:id': { name: 'Hijacked service' },
  'POST /api/v1/services/:serviceId/integrations': { type: 'generic', name: 'Hijack' },
  'PUT /api/v1/escalation-policies/:id': {
    name: 'Hijacked policy',
    steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: '00000000-0000-4000-8000-000000000000' }] }],
  },
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
    await platform.start(
      'admin-api',
      'ingestion-gateway',
      'dedup-grouping',
      'incident-state',
      'escalation',
      'scheduling',
    );
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
    // The live stream never ends, so it cannot be read whole: test/incident-live-and-filters checks that
    // another organization's stream receives none of these incidents' events.
    const lists = routes.filter(
      (route) =>
        !route.isPublic &&
        route.method === 'GET' &&
        !route.path.includes('/:') &&
        route.path !== '/api/v1/live/incidents',
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
  const policy = await post('/api/v1/escalation-policies', {
    name: `Policy ${suffix}`,
    steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: user.id }] }],
  });
  const service = await post('/api/v1/services', {
    name: `Service ${suffix}`,
    clientId: client.id,
    teamId: team.id,
    escalationPolicyId: policy.id,
  });
  const { schedule, override } = await populateSchedule(platform, token, suffix, [me.id, user.id]);
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
      'escalation-policies': policy.id,
      schedules: schedule.id,
      overrides: override.id,
    },
    names: [
      `Client ${suffix}`,
      `Tech ${suffix}`,
      `Team ${suffix}`,
      `Service ${suffix}`,
      `Policy ${suffix}`,
      `Schedule ${suffix}`,
      `Monitor ${suffix}`,
      summary,
    ],
    integrationKey: created.key,
  };
}

/**
 * A schedule with org's people (the manager among them, so `/me/shifts` lists something) covering 10 hours
 * a day (so coverage gaps list something), and an override on it.
 */
async function populateSchedule(platform: PlatformHarness, token: string, suffix: string, people: string[]) {
  const post = async (path: string, body: object) => {
    const response = await platform.api(path, token, { method: 'POST', body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const schedule = await post('/api/v1/schedules', {
    name: `Schedule ${suffix}`,
    timeZone: 'UTC',
    layers: [
      {
        name: 'Days',
        participants: people,
        rotation: { kind: 'daily' },
        handoffAnchor: '2020-01-06T08:00',
        start: '2020-01-01T00:00:00Z',
        restrictions: [{ kind: 'daily', startTime: '08:00', durationMinutes: 600 }],
      },
    ],
  });
  const tomorrow = Date.now() + 24 * 60 * 60 * 1000;
  const override = await post(`/api/v1/schedules/${schedule.id}/overrides`, {
    userId: people[1],
    start: new Date(tomorrow).toISOString(),
    end: new Date(tomorrow + 60 * 60 * 1000).toISOString(),
  });
  await waitFor(`org ${suffix}'s coverage gaps`, async () => {
    const gaps = await platform.api(`/api/v1/coverage-gaps?scheduleId=${schedule.id}`, token);
    return ((await gaps.json()) as { items: unknown[] }).items.length > 0;
  });
  return { schedule, override };
}

async function expectOrgAUntouched(platform: PlatformHarness, token: string, orgA: OrgA): Promise<void> {
  // Overrides have no route of their own; the schedule's override list shows them.
  const withGet = Object.entries(orgA.ids).filter(([name]) => name !== 'overrides');
  for (const [collection, id] of withGet) {
    const response = await platform.api(`/api/v1/${collection}/${id}`, token);
    const text = await response.text();
    expect({ collection, status: response.status, hijacked: text.includes('Hijack') }).toEqual({
      collection,
      status: 200,
      hijacked: false,
    });
  }
  const incident = (await (await platform.api(`/api/v1/incidents/${orgA.ids.incidents}`, token)).json()) as {
    incident: { status: string; version: number };
    notes: unknown[];
  };
  expect(incident).toMatchObject({ incident: { status: 'triggered', version: 1 }, notes: [] });
  const users = await (await platform.api(`/api/v1/users/${orgA.ids.users}`, token)).json();
  expect(users).toMatchObject({ active: true });
  const audit = (await (await platform.api('/api/v1/audit-log?limit=200', token)).json()) as {
    items: { actor: { kind: string; name?: string } }[];
  };
  expect(
    audit.items.filter((entry) => entry.actor.kind === 'user' && entry.actor.name !== 'a-manager'),
  ).toEqual([]);
  const overrides = await platform.api(
    `/api/v1/schedules/${orgA.ids.schedules}/overrides?from=2020-01-01T00:00:00Z&to=2030-12-31T00:00:00Z`,
    token,
  );
  expect(((await overrides.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toEqual([
    orgA.ids.overrides,
  ]);
  expect(
    (await platform.postAlert(orgA.integrationKey, { summary: 'still works', severity: 'info', source: 'x' }))
      .status,
  ).toBe(202);
}
