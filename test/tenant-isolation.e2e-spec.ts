import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { IncidentPage } from '@oncall/contracts';
import { waitFor } from '@oncall/platform-testing';
import { getMetadataStorage } from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { publishUnapplicableAlert } from './support/dead-letters';
import { PlatformHarness } from './support/platform-harness';
import { RouteInfo } from './support/route-catalogue';
import { ADMIN_API_AND_BACKENDS, startRouteWalk } from './support/route-walk';

/** A schedule of one daily layer, named Hijack; `layer` and `extra` override. */
const scheduleBody = (layer: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  name: 'Hijack schedule',
  timeZone: 'UTC',
  layers: [
    {
      name: 'Hijack',
      participants: [],
      rotation: { kind: 'daily' },
      handoffAnchor: '2030-01-01T09:00',
      start: '2030-01-01T00:00:00Z',
      ...layer,
    },
  ],
  ...extra,
});

/** Bodies that would be valid for the caller's own resources, so a refusal can only come from isolation. */
const VALID_BODIES: Record<string, object> = {
  'PUT /api/v1/schedules/:id': scheduleBody({}, { name: 'Hijacked schedule' }),
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
  'POST /api/v1/incidents/:id/ticket': {},
  'PATCH /api/v1/clients/:id': { name: 'Hijacked client' },
  'PATCH /api/v1/teams/:id': { name: 'Hijacked team' },
  'PUT /api/v1/teams/:id/members': { userIds: [] },
  'PATCH /api/v1/users/:id': { name: 'Hijacked user' },
  'PATCH /api/v1/services/:id': { name: 'Hijacked service' },
  'POST /api/v1/services/:serviceId/integrations': { type: 'generic', name: 'Hijack' },
  'POST /api/v1/users/:id/contact-methods': { type: 'email', address: 'hijack@example.test' },
  'PATCH /api/v1/users/:id/contact-methods/:methodId': { enabled: false },
  'PATCH /api/v1/me/contact-methods/:methodId': { enabled: false },
  'POST /api/v1/users/:id/contact-methods/:methodId/send-verification': {},
  'POST /api/v1/me/contact-methods/:methodId/send-verification': {},
  'PUT /api/v1/users/:id/notification-rules': {
    high: [{ contactMethodId: '00000000-0000-4000-8000-000000000000', delayMinutes: 0 }],
    low: [{ contactMethodId: '00000000-0000-4000-8000-000000000000', delayMinutes: 0 }],
  },
  'PUT /api/v1/escalation-policies/:id': {
    name: 'Hijacked policy',
    steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: '00000000-0000-4000-8000-000000000000' }] }],
  },
};

interface OrgA {
  ids: Record<string, string>;
  /** Ids that have no route of their own: the manager's user, the schedule's layer. */
  refs: { managerId: string; layerId: string };
  names: string[];
  integrationKey: string;
}

type Org = OrgA;

/**
 * A body or query field naming another resource, filled by organization B with organization A's id on B's
 * own resources: refused with 400 naming the field (or 404), A unchanged and nothing of A in the answer.
 * `covers` are the DTO fields (`Class.property`, as class-validator knows them) the case exercises: every
 * uuid field of admin-api's DTOs must be covered, so a new reference cannot slip past this test.
 */
interface ReferenceCase {
  name: string;
  covers: string[];
  request: (a: Org, b: Org) => { method: string; path: string; body?: unknown };
  /** 400 naming `field`, or 404 for references only their owner can resolve (a schedule, an incident). */
  refused: { status: 400; field: string } | { status: 404 };
}

const policyTargeting = (type: 'user' | 'schedule' | 'team', id: string) => ({ name: 'Hijack policy', steps: [{ delayMinutes: 5, targets: [{ type, id }] }] }); // prettier-ignore

/** Report filters: another organization's service, client or team is refused, naming the filter. */
const reportFilters: ReferenceCase[] = (
  [
    ['/api/v1/reports/incidents', 'IncidentReportQueryDto', ['serviceId', 'clientId', 'teamId']],
    ['/api/v1/reports/incidents/trend', 'IncidentTrendQueryDto', ['serviceId', 'clientId', 'teamId']],
    ['/api/v1/reports/burden', 'BurdenQueryDto', ['teamId']],
  ] as const
).flatMap(([path, dto, fields]) =>
  fields.map((field) => ({
    name: `report filter ${field} on ${path}`,
    covers: [`${dto}.${field}`],
    request: (a: Org) => ({ method: 'GET', path: `${path}?${field}=${idOfFilter(a, field)}` }),
    refused: { status: 400 as const, field },
  })),
);

function idOfFilter(org: Org, field: 'serviceId' | 'clientId' | 'teamId'): string {
  return { serviceId: org.ids.services, clientId: org.ids.clients, teamId: org.ids.teams }[field];
}

/**
 * Escalation policy targets, on create and on replace: organization A's person (A's manager, on replace),
 * schedule or team. EscalationTargetDto is what a target of an unknown type is validated as; its id is the
 * same field, covered with the person.
 */
const policyTargets: ReferenceCase[] = (
  [
    [
      'user',
      'UserTargetDto',
      (a: Org) => a.ids.users,
      (a: Org) => a.refs.managerId,
      ['EscalationTargetDto.id'],
    ],
    ['schedule', 'ScheduleTargetDto', (a: Org) => a.ids.schedules, (a: Org) => a.ids.schedules, []],
    ['team', 'TeamTargetDto', (a: Org) => a.ids.teams, (a: Org) => a.ids.teams, []],
  ] as const
).flatMap(([type, dto, onCreate, onReplace, alsoCovers]): ReferenceCase[] => [
  {
    name: `policy ${type} target, on create`,
    covers: [`${dto}.id`, ...alsoCovers],
    request: (a) => ({ method: 'POST', path: '/api/v1/escalation-policies', body: policyTargeting(type, onCreate(a)) }), // prettier-ignore
    refused: { status: 400, field: 'steps.0.targets.0.id' },
  },
  {
    name: `policy ${type} target, on replace`,
    covers: [`${dto}.id`],
    request: (a, b) => ({ method: 'PUT', path: `/api/v1/escalation-policies/${b.ids['escalation-policies']}`, body: policyTargeting(type, onReplace(a)) }), // prettier-ignore
    refused: { status: 400, field: 'steps.0.targets.0.id' },
  },
]);

const REFERENCES: ReferenceCase[] = [
  ...reportFilters,
  {
    name: 'routing tester integration',
    covers: ['TestRoutingDto.integrationId'],
    request: (a) => ({ method: 'POST', path: '/api/v1/routing-rules/test', body: { integrationId: a.ids.integrations, severity: 'info' } }), // prettier-ignore
    refused: { status: 400, field: 'integrationId' },
  },
  {
    name: 'team manager, on create',
    covers: ['CreateTeamDto.managerUserId'],
    request: (a) => ({ method: 'POST', path: '/api/v1/teams', body: { name: 'Hijack team', managerUserId: a.ids.users } }), // prettier-ignore
    refused: { status: 400, field: 'managerUserId' },
  },
  {
    name: 'team manager, on update',
    covers: ['UpdateTeamDto.managerUserId'],
    request: (a, b) => ({ method: 'PATCH', path: `/api/v1/teams/${b.ids.teams}`, body: { managerUserId: a.refs.managerId } }), // prettier-ignore
    refused: { status: 400, field: 'managerUserId' },
  },
  {
    name: 'team members',
    covers: ['ReplaceTeamMembersDto.userIds'],
    request: (a, b) => ({ method: 'PUT', path: `/api/v1/teams/${b.ids.teams}/members`, body: { userIds: [b.ids.users, a.ids.users] } }), // prettier-ignore
    refused: { status: 400, field: 'userIds' },
  },
  ...(['clientId', 'teamId', 'escalationPolicyId'] as const).flatMap((field): ReferenceCase[] => {
    const idOf = (a: Org) =>
      ({ clientId: a.ids.clients, teamId: a.ids.teams, escalationPolicyId: a.ids['escalation-policies'] })[
        field
      ];
    return [
      {
        name: `service ${field}, on create`,
        covers: [`CreateServiceDto.${field}`],
        request: (a) => ({ method: 'POST', path: '/api/v1/services', body: { name: 'Hijack service', [field]: idOf(a) } }), // prettier-ignore
        refused: { status: 400, field },
      },
      {
        name: `service ${field}, on update`,
        covers: [`UpdateServiceDto.${field}`],
        request: (a, b) => ({ method: 'PATCH', path: `/api/v1/services/${b.ids.services}`, body: { [field]: idOf(a) } }), // prettier-ignore
        refused: { status: 400, field },
      },
    ];
  }),
  ...policyTargets,
  {
    name: 'schedule team, on create',
    covers: ['ScheduleDefinitionDto.teamId'],
    request: (a) => ({ method: 'POST', path: '/api/v1/schedules', body: scheduleBody({}, { teamId: a.ids.teams }) }), // prettier-ignore
    refused: { status: 400, field: 'teamId' },
  },
  {
    name: 'schedule team, on replace',
    covers: ['UpdateScheduleDto.teamId'],
    request: (a, b) => ({ method: 'PUT', path: `/api/v1/schedules/${b.ids.schedules}`, body: scheduleBody({}, { teamId: a.ids.teams }) }), // prettier-ignore
    refused: { status: 400, field: 'teamId' },
  },
  {
    name: 'schedule participants, on create',
    covers: ['LayerDto.participants'],
    request: (a, b) => ({ method: 'POST', path: '/api/v1/schedules', body: scheduleBody({ participants: [b.refs.managerId, a.ids.users] }) }), // prettier-ignore
    refused: { status: 400, field: 'layers.0.participants.1' },
  },
  {
    name: 'schedule participants, on replace',
    covers: ['LayerDto.participants'],
    request: (a, b) => ({ method: 'PUT', path: `/api/v1/schedules/${b.ids.schedules}`, body: scheduleBody({ participants: [a.refs.managerId] }) }), // prettier-ignore
    refused: { status: 400, field: 'layers.0.participants.0' },
  },
  {
    name: 'schedule layer id, on create',
    covers: ['LayerDto.id'],
    request: (a) => ({ method: 'POST', path: '/api/v1/schedules', body: scheduleBody({ id: a.refs.layerId }) }), // prettier-ignore
    refused: { status: 400, field: 'layers.0.id' },
  },
  {
    name: 'schedule layer id, on replace',
    covers: ['LayerDto.id'],
    request: (a, b) => ({ method: 'PUT', path: `/api/v1/schedules/${b.ids.schedules}`, body: scheduleBody({ id: a.refs.layerId }) }), // prettier-ignore
    refused: { status: 400, field: 'layers.0.id' },
  },
  {
    name: 'override person',
    covers: ['CreateOverrideDto.userId'],
    request: (a, b) => ({
      method: 'POST',
      path: `/api/v1/schedules/${b.ids.schedules}/overrides`,
      body: { userId: a.ids.users, start: '2030-01-01T00:00:00Z', end: '2030-01-01T02:00:00Z' },
    }),
    refused: { status: 400, field: 'userId' },
  },
  {
    name: 'incident reassignment to people',
    covers: ['ReassignTargetDto.userIds'],
    request: (a, b) => ({ method: 'POST', path: `/api/v1/incidents/${b.ids.incidents}/reassign`, body: { to: { kind: 'users', userIds: [a.ids.users] } } }), // prettier-ignore
    refused: { status: 400, field: 'to.userIds' },
  },
  {
    name: 'incident merge sources',
    covers: ['MergeDto.sourceIncidentIds'],
    request: (a, b) => ({ method: 'POST', path: `/api/v1/incidents/${b.ids.incidents}/merge`, body: { sourceIncidentIds: [a.ids.incidents] } }), // prettier-ignore
    refused: { status: 404 },
  },
  {
    name: 'incident list by client',
    covers: ['ListIncidentsQueryDto.clientId'],
    request: (a) => ({ method: 'GET', path: `/api/v1/incidents?clientId=${a.ids.clients}` }),
    refused: { status: 400, field: 'clientId' },
  },
  {
    name: 'incident list by service',
    covers: ['ListIncidentsQueryDto.serviceId'],
    request: (a) => ({ method: 'GET', path: `/api/v1/incidents?serviceId=${a.ids.services}` }),
    refused: { status: 400, field: 'serviceId' },
  },
  {
    name: 'incident list by assignee (not a uuid field, a user id all the same)',
    covers: [],
    request: (a) => ({ method: 'GET', path: `/api/v1/incidents?assigneeId=${a.refs.managerId}` }),
    refused: { status: 400, field: 'assigneeId' },
  },
  {
    name: 'notification rule contact method',
    covers: ['NotificationRuleStepDto.contactMethodId'],
    request: (a) => ({ method: 'PUT', path: '/api/v1/me/notification-rules', body: { high: [{ contactMethodId: a.ids['contact-methods'], delayMinutes: 0 }], low: [{ contactMethodId: a.ids['contact-methods'], delayMinutes: 0 }] } }), // prettier-ignore
    refused: { status: 400, field: 'high.0.contactMethodId' },
  },
  {
    name: 'PSA board of a service',
    covers: ['ServiceBoardDto.serviceId'],
    request: (a) => ({ method: 'PUT', path: '/api/v1/psa/settings', body: { serviceBoards: [{ serviceId: a.ids.services, board: 'Hijack' }] } }), // prettier-ignore
    refused: { status: 400, field: 'serviceBoards.0.serviceId' },
  },
  {
    name: 'coverage gaps of a schedule',
    covers: ['CoverageGapsQueryDto.scheduleId'],
    request: (a) => ({ method: 'GET', path: `/api/v1/coverage-gaps?scheduleId=${a.ids.schedules}` }),
    refused: { status: 404 },
  },
];

describe('Tenant isolation, walked over every route of admin-api', () => {
  let platform: PlatformHarness;
  let routes: RouteInfo[];
  let orgA: OrgA;
  let orgB: OrgA;
  const managerA = () => platform.token('org-a', 'manager', 'a-manager');
  const managerB = () => platform.token('org-b', 'manager', 'b-manager');

  beforeAll(async () => {
    ({ platform, routes } = await startRouteWalk('isolation', [
      ...ADMIN_API_AND_BACKENDS,
      'ingestion-gateway',
    ]));
    orgA = await populate(platform, managerA(), 'A', 'org-a');
    orgB = await populate(platform, managerB(), 'B', 'org-b');
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
      const answerToB = await platform.api(route.path, managerB());
      const seenByB = await answerToB.text();
      // An error answer would leak nothing and prove nothing: B must get a real answer.
      expect({ route: route.path, status: answerToB.status }).toEqual({ route: route.path, status: 200 });
      const seenByA = await (await platform.api(route.path, managerA())).text();
      for (const secret of [...Object.values(orgA.ids), ...orgA.names]) {
        expect({ route: route.path, leaked: seenByB.includes(secret) ? secret : null }).toEqual({
          route: route.path,
          leaked: null,
        });
      }
      // Not lists: the caller's own profile and rules, the platform's PSA connection, the organization's PSA
      // mapping and client routing rules, and reports (figures: A's dashboard counts A's incidents by A's service).
      if (route.path === '/api/v1/reports/incidents') expect(seenByA).toContain(orgA.ids.services);
      else if (
        ![
          '/api/v1/me',
          '/api/v1/me/notification-rules',
          '/api/v1/psa/status',
          '/api/v1/psa/settings',
          '/api/v1/routing-rules',
        ].includes(route.path) &&
        !route.path.startsWith('/api/v1/reports/')
      )
        expect(seenByA).toMatch(/"items":\[\{/); // A does see its own rows
    }
  });

  it('refuses organization A’s ids in every body and query field of organization B’s requests, and changes nothing', async () => {
    const leaks: string[] = [];
    for (const reference of REFERENCES) {
      const { method, path, body } = reference.request(orgA, orgB);
      const response = await platform.api(path, managerB(), {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      const answer = (() => {
        try {
          return JSON.parse(text) as { errors?: { field: string }[] };
        } catch {
          return {};
        }
      })();
      const fields = (answer.errors ?? []).map((error) => error.field);
      const refusedAsExpected =
        response.status === reference.refused.status &&
        (reference.refused.status === 404 || fields.includes(reference.refused.field));
      if (!refusedAsExpected) leaks.push(`${reference.name}: ${method} ${path}: ${response.status} ${text}`);
      const revealed = orgA.names.filter((name) => text.includes(name));
      if (revealed.length > 0) leaks.push(`${reference.name}: reveals ${revealed.join(', ')}`);
    }
    expect(leaks).toEqual([]);
    await expectOrgAUntouched(platform, managerA(), orgA);
  }, 60_000);

  it('answers the audit log filtered on organization A’s resource with nothing (history outlives resources)', async () => {
    // Not a reference to resolve: the audit log of a deleted resource must stay readable, so the filter
    // cannot be refused for a resource that does not exist; scoped by organization, it finds nothing.
    for (const [collection, id] of Object.entries(orgA.ids)) {
      const response = await platform.api(`/api/v1/audit-log?resourceId=${id}`, managerB());
      expect({ collection, status: response.status, body: await response.json() }).toEqual({
        collection,
        status: 200,
        body: { items: [], nextCursor: null },
      });
    }
  });

  it('covers every uuid field of admin-api’s DTOs in the table of references', async () => {
    const uuidFields = await adminApiUuidFields(platform.service('admin-api').app);
    expect(uuidFields.length).toBeGreaterThan(15);
    const covered = new Set(REFERENCES.flatMap((reference) => reference.covers));
    const uncovered = uuidFields.filter((field) => !covered.has(field));
    expect({ 'add to REFERENCES': uncovered }).toEqual({ 'add to REFERENCES': [] });
    const stale = [...covered].filter((field) => !uuidFields.includes(field));
    expect({ 'no longer a uuid field': stale }).toEqual({ 'no longer a uuid field': [] });
  });

  it('refuses reassignment to unknown and deactivated people too, and reassigns to active ones', async () => {
    const reassign = (userIds: string[]) =>
      platform.api(`/api/v1/incidents/${orgB.ids.incidents}/reassign`, managerB(), {
        method: 'POST',
        body: JSON.stringify({ to: { kind: 'users', userIds } }),
      });
    const leaverResponse = await platform.api('/api/v1/users', managerB(), {
      method: 'POST',
      body: JSON.stringify({ email: 'leaver-b@example.test', name: 'Leaver B', role: 'technician' }),
    });
    const leaver = ((await leaverResponse.json()) as { id: string }).id;
    await platform.api(`/api/v1/users/${leaver}/deactivate`, managerB(), { method: 'POST' });
    for (const userIds of [[leaver], ['00000000-0000-4000-8000-000000000000'], [orgB.ids.users, leaver]]) {
      const response = await reassign(userIds);
      const problem = (await response.json()) as { errors?: { field: string; message: string }[] };
      expect({ status: response.status, errors: problem.errors }).toEqual({
        status: 400,
        errors: [{ field: 'to.userIds', message: expect.stringContaining(userIds[userIds.length - 1]) }],
      });
    }
    const accepted = await reassign([orgB.ids.users.toUpperCase()]);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ incident: { assignedUserIds: [orgB.ids.users] } });
  });

  it('keeps cross-organization references out of admin-api’s tables even if the code let one through', async () => {
    const dataSource = platform.service('admin-api').app.get(DataSource);
    const [a, b] = [orgA.ids, orgB.ids];
    const attempts: [string, string, unknown[]][] = [
      ['team manager', 'UPDATE teams SET manager_user_id = $1 WHERE id = $2', [a.users, b.teams]],
      ['member of B’s team', "INSERT INTO team_members (team_id, user_id, org_id) VALUES ($1, $2, 'org-b')", [b.teams, a.users]], // prettier-ignore
      ['member of A’s team', "INSERT INTO team_members (team_id, user_id, org_id) VALUES ($1, $2, 'org-b')", [a.teams, b.users]], // prettier-ignore
      ['service client', 'UPDATE services SET client_id = $1 WHERE id = $2', [a.clients, b.services]],
      ['service team', 'UPDATE services SET team_id = $1 WHERE id = $2', [a.teams, b.services]],
      ['integration service', 'UPDATE integrations SET service_id = $1 WHERE id = $2', [a.services, b.integrations]], // prettier-ignore
    ];
    const outcomes: Record<string, string> = {};
    for (const [name, sql, params] of attempts) {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(sql, params);
        outcomes[name] = 'accepted';
      } catch (error) {
        const code = (error as { driverError?: { code?: string } }).driverError?.code;
        outcomes[name] = code === '23503' ? 'foreign key violation' : String(error);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    }
    expect(outcomes).toEqual(Object.fromEntries(attempts.map(([name]) => [name, 'foreign key violation'])));
  });
});

function fillParams(path: string, ids: Record<string, string>): string {
  return path.replace(/\/([a-z-]+)\/:[A-Za-z]+/g, (_, collection: string) => {
    const id = ids[collection];
    if (!id) throw new Error(`Add organization A's ${collection} id to the isolation test for ${path}`);
    return `/${collection}/${id}`;
  });
}

async function populate(
  platform: PlatformHarness,
  token: string,
  suffix: string,
  orgId: string,
): Promise<OrgA> {
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
  // A new key works once its state record reached the gateway's copy (ADR 0131), ~100 ms later.
  await platform.untilGatewayKnows(created.key as string);
  const contactMethod = await post(`/api/v1/users/${user.id}/contact-methods`, {
    type: 'slack',
    address: `https://hooks.slack.com/services/T${suffix}/B1/secret`,
  });
  const summary = `Server down at ${suffix}`;
  expect(
    (await platform.postAlert(created.key, { summary, severity: 'critical', source: 'rmm' })).status,
  ).toBe(202);
  const incident = await waitFor(`org ${suffix}'s incident`, async () => {
    const page = (await (await platform.api('/api/v1/incidents', token)).json()) as IncidentPage;
    return page.items.find((item) => item.title === summary);
  });
  const maintenance = await post('/api/v1/maintenance-windows', {
    name: `Patch night ${suffix}`,
    window: { scope: { serviceId: service.id }, kind: 'one-off', startsAt: '2030-01-01T00:00:00Z', endsAt: '2030-01-01T02:00:00Z' }, // prettier-ignore
  });
  const routed = await platform.api('/api/v1/routing-rules', token, {
    method: 'PUT',
    body: JSON.stringify({ rules: [{ ruleId: `rule-${suffix}`, serviceId: service.id, when: { clientIds: [client.id] } }] }), // prettier-ignore
  });
  expect(routed.status).toBe(200);
  const deadLetter = `Dead letter ${suffix}`;
  await publishUnapplicableAlert(platform, orgId, deadLetter);
  await waitFor(`org ${suffix}'s dead letter`, async () => {
    const page = (await (await platform.api('/api/v1/dead-letters', token)).json()) as { items: unknown[] };
    return page.items.length > 0 ? true : undefined;
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
      'contact-methods': contactMethod.id,
      'maintenance-windows': maintenance.id,
    },
    names: [
      deadLetter,
      `Patch night ${suffix}`,
      `rule-${suffix}`,
      `Client ${suffix}`,
      `Tech ${suffix}`,
      `Team ${suffix}`,
      `Service ${suffix}`,
      `Policy ${suffix}`,
      `Schedule ${suffix}`,
      `Monitor ${suffix}`,
      summary,
    ],
    refs: { managerId: me.id, layerId: schedule.layers[0].id },
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
    return (await response.json()) as { id: string; layers: { id: string }[] };
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
  // Overrides and contact methods have no route of their own; their lists show them.
  const withGet = Object.entries(orgA.ids).filter(
    ([name]) => !['overrides', 'contact-methods'].includes(name),
  );
  const methods = await platform.api(`/api/v1/users/${orgA.ids.users}/contact-methods`, token);
  expect(
    ((await methods.json()) as { items: { id: string; enabled: boolean; address: string }[] }).items,
  ).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        id: orgA.ids['contact-methods'],
        enabled: true,
        address: expect.stringContaining('/TA/'),
      }),
    ]),
  );
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
    notes: { items: unknown[] };
    timeline: { items: { type: string; actor: { kind: string; reason?: string } | null }[] };
  };
  expect(incident).toMatchObject({ incident: { status: 'triggered' }, notes: { items: [] } });
  // Only the trigger and what the platform recorded itself: its service has no policy, so escalation
  // flagged it unanswered and notification emailed the managers.
  const byOthers = incident.timeline.items.filter(
    (entry) =>
      entry.type !== 'IncidentTriggered' &&
      !(entry.type === 'ActivityRecorded' && entry.actor?.kind === 'system'),
  );
  expect(byOthers).toEqual([]);
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

const ADMIN_API_SOURCES = join(__dirname, '../apps/admin-api/src');
/** Widened to string so TypeScript does not look for types class-transformer does not ship for it. */
const CLASS_TRANSFORMER_STORAGE: string = 'class-transformer/cjs/storage';

interface TypeMetadataLike {
  typeFunction: () => unknown;
  options?: { discriminator?: { subTypes: { value: unknown }[] } };
}

/**
 * Every `@IsUUID` field of admin-api's DTOs, as `Class.property` (inherited and mapped-type fields too),
 * read from class-validator's metadata. The DTO classes are every class exported by an admin-api source
 * file that uses class-validator, every class an admin-api route takes (libraries' DTOs too), and the
 * classes nested in them (class-transformer's `@Type`, discriminated sub-types included).
 */
async function adminApiUuidFields(app: INestApplication): Promise<string[]> {
  const classes = new Set<abstract new (...args: never[]) => unknown>();
  for (const file of sourceFiles(ADMIN_API_SOURCES)) {
    if (!readFileSync(file, 'utf8').includes("'class-validator'")) continue;
    for (const exported of Object.values((await import(file)) as Record<string, unknown>)) {
      if (isClass(exported)) classes.add(exported);
    }
  }
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const prototype = (wrapper.metatype as { prototype: object }).prototype;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const types: unknown[] = Reflect.getMetadata('design:paramtypes', prototype, name) ?? [];
        for (const type of types) if (isClass(type)) classes.add(type);
      }
    }
  }
  const validation = getMetadataStorage();
  const { defaultMetadataStorage: transformation } = (await import(CLASS_TRANSFORMER_STORAGE)) as {
    defaultMetadataStorage: {
      findTypeMetadata(target: unknown, property: string): TypeMetadataLike | undefined;
    };
  };
  const fields = new Set<string>();
  const queue = [...classes];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const metadata of validation.getTargetValidationMetadatas(next, '', false, false)) {
      if (metadata.name === 'isUuid') fields.add(`${next.name}.${metadata.propertyName}`);
      const type = transformation.findTypeMetadata(next, metadata.propertyName);
      const nested = type ? [type.typeFunction(), ...(type.options?.discriminator?.subTypes ?? []).map((sub) => sub.value)] : []; // prettier-ignore
      for (const candidate of nested) {
        if (isClass(candidate) && !classes.has(candidate)) {
          classes.add(candidate);
          queue.push(candidate);
        }
      }
    }
  }
  return [...fields].sort();
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

function isClass(value: unknown): value is abstract new (...args: never[]) => unknown {
  return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
}
