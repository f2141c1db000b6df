import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import { PlatformHarness } from './support/platform-harness';
import { routeCatalogue, RouteInfo } from './support/route-catalogue';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Instants PostgreSQL would refuse or read as something else, as the probes sent them. */
const BAD_INSTANTS = [
  '2026-W01',
  '2026-001',
  '2026-05-01',
  '2026-05-01T09:00:00',
  '2026-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+01:00',
  '2026-05-01T24:00:00Z',
  '2026-05-01T09:00:00+16:00',
  '9'.repeat(300),
];

/** Cursors the API never issued: impossible dates, ids that are not UUIDs, junk. */
const BAD_CURSORS = [
  ...['.000Z', '.000000Z'].flatMap((fraction) => [
    cursorOf([`2026-02-30T00:00:00${fraction}`, ID]),
    cursorOf([`0000-01-01T00:00:00${fraction}`, ID]),
    cursorOf([`2026-05-01T09:00:00${fraction}`, 'not-a-uuid']),
    cursorOf([`2026-05-01T09:00:00${fraction}`, '-'.repeat(36)]),
  ]),
  cursorOf(['2026-W01', ID]),
  cursorOf({ at: '2026-05-01T09:00:00.000Z' }),
  'not-a-cursor',
  // Cursors of the lists that page on one number, forged: a kind nobody writes, out of range, not a number.
  cursorOf(['reports', 3]),
  cursorOf(['incident-timeline', '3']),
  cursorOf(['incident-alerts', 2 ** 31]),
  cursorOf(['audit', '9'.repeat(30)]),
  cursorOf(['dead-letters', -1]),
  cursorOf(['alert-history', "1' OR 1=1"]),
];

const TIME_FIELDS = ['from', 'to', 'at'];

/**
 * Issue 8, item 5 (admin-api): every list route refuses a malformed `from`, `to`, `at` or `cursor` with 400
 * naming the field, whichever service answers it. The routes and the fields each takes are read from the
 * application itself (route catalogue, query DTO metadata), so a new list route is covered without a list.
 */
describe('Every list route refuses malformed instants and cursors with 400 naming the field', () => {
  let platform: PlatformHarness;
  let routes: RouteInfo[];
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    platform = await PlatformHarness.create('listrefusals');
    // Every service that answers a list, so each list route really answers (no 503 standing in for a 400).
    await platform.start('admin-api', 'incident-state', 'dedup-grouping', 'scheduling', 'escalation', 'notification'); // prettier-ignore
    routes = routeCatalogue(platform.service('admin-api').app);
    token = platform.token('org-lists', 'manager', 'lists-manager');
    const post = async (path: string, body: object) =>
      (
        (await (await platform.api(path, token, { method: 'POST', body: JSON.stringify(body) })).json()) as {
          id: string;
        }
      ).id;
    ids.users = ((await (await platform.api('/api/v1/me', token)).json()) as { id: string }).id;
    ids.services = await post('/api/v1/services', { name: 'Lists service' });
    ids.schedules = await post('/api/v1/schedules', {
      name: 'Lists schedule',
      timeZone: 'UTC',
      layers: [{ name: 'L', participants: [ids.users], rotation: { kind: 'daily' }, handoffAnchor: '2026-01-01T09:00', start: '2026-01-01T00:00:00Z' }], // prettier-ignore
    });
  }, 60_000);
  afterAll(() => platform.close());

  /** The query fields a route's handler validates, from the class-validator metadata of its parameters. */
  const queryFieldsOf = (route: RouteInfo): string[] => {
    const [controllerName, method] = route.handler.split('.');
    const app = platform.service('admin-api').app;
    const controller = findController(app, controllerName);
    const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? [];
    return types.flatMap((type) =>
      typeof type === 'function'
        ? getMetadataStorage()
            .getTargetValidationMetadatas(type, '', true, false)
            .map((metadata) => metadata.propertyName)
        : [],
    );
  };

  const fillIds = (path: string) =>
    path.replace(
      /\/([a-z-]+)\/:[A-Za-z]+/g,
      (_, collection: string) => `/${collection}/${ids[collection] ?? ID}`,
    );

  it('covers the list routes with time windows and cursors', () => {
    const covered = listRoutes().filter((route) => fieldsUnderTest(route).length > 0);
    expect(covered.map((route) => route.path)).toEqual(
      expect.arrayContaining(['/api/v1/incidents', '/api/v1/clients', '/api/v1/schedules', '/api/v1/escalation-policies', '/api/v1/schedules/:id/overrides', '/api/v1/me/shifts']), // prettier-ignore
    );
  });

  it('answers 400 naming the field, never 5xx, for every malformed value on every list route', async () => {
    const wrong: string[] = [];
    for (const route of listRoutes()) {
      for (const field of fieldsUnderTest(route)) {
        for (const value of field === 'cursor' ? BAD_CURSORS : BAD_INSTANTS) {
          const path = `${fillIds(route.path)}?${new URLSearchParams({ [field]: value })}`;
          const response = await platform.api(path, token);
          const body = (await response.json()) as { errors?: { field: string }[] };
          const named = (body.errors ?? []).some((error) => error.field === field);
          if (response.status !== 400 || !named)
            wrong.push(`${path} (${value}): ${response.status} ${JSON.stringify(body)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('finds every route that answers a page among those it forges cursors for', async () => {
    // Found by their answers, not by their DTOs: a route that pages without declaring `cursor` is caught.
    const answering: string[] = [];
    for (const route of listRoutes()) {
      const first = await platform.api(fillIds(route.path), token);
      const answer = (await first.json().catch(() => null)) as { nextCursor?: unknown } | null;
      if (first.status === 200 && answer !== null && 'nextCursor' in answer) answering.push(route.path);
    }
    const forged = listRoutes()
      .filter((route) => fieldsUnderTest(route).includes('cursor'))
      .map((route) => route.path);
    expect(answering.filter((path) => !forged.includes(path))).toEqual([]);
    expect(answering).toEqual(expect.arrayContaining(['/api/v1/alert-history', '/api/v1/audit-log', '/api/v1/dead-letters', '/api/v1/escalation-policies', '/api/v1/users'])); // prettier-ignore
    expect(forged).toEqual(expect.arrayContaining(['/api/v1/incidents/:id/timeline', '/api/v1/incidents/:id/alerts', '/api/v1/incidents/:id/notes', '/api/v1/incidents/:id/alert-history'])); // prettier-ignore
  }, 60_000);

  function listRoutes(): RouteInfo[] {
    return routes.filter((route) => route.method === 'GET' && !route.isPublic && route.path !== '/api/v1/live/incidents'); // prettier-ignore
  }

  function fieldsUnderTest(route: RouteInfo): string[] {
    return [...new Set(queryFieldsOf(route))].filter((field) => [...TIME_FIELDS, 'cursor'].includes(field));
  }
});

function findController(app: INestApplication, name: string): { prototype: object } {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      if ((wrapper.metatype as { name?: string }).name === name)
        return wrapper.metatype as { prototype: object };
    }
  }
  throw new Error(`No controller ${name}`);
}
