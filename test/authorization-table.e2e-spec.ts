import { Permission, Role, ROLES, roleAllows } from '@oncall/platform-auth';
import { PlatformHarness } from './support/platform-harness';
import { routeCatalogue, RouteInfo } from './support/route-catalogue';

const ANY_ID = '00000000-0000-4000-8000-000000000000';

describe('The permission table, walked over every route of admin-api', () => {
  let platform: PlatformHarness;
  let routes: RouteInfo[];

  beforeAll(async () => {
    platform = await PlatformHarness.create('authz');
    await platform.start('admin-api');
    routes = routeCatalogue(platform.service('admin-api').app);
  }, 60_000);
  afterAll(() => platform.close());

  it('finds the routes, and every one is public or names the permission it needs', () => {
    expect(routes.length).toBeGreaterThan(10);
    const unguarded = routes.filter((route) => !route.isPublic && !route.permission);
    expect(unguarded.map((route) => `${route.method} ${route.path} (${route.handler})`)).toEqual([]);
  });

  it.each(ROLES)(
    'a %s gets 403 exactly where the table denies, on every route',
    async (role: Role) => {
      const token = platform.token('org-authz', role, `authz-${role}`);
      const mismatches: string[] = [];
      let denied = 0;
      for (const route of routes.filter((candidate) => !candidate.isPublic)) {
        const allowed = roleAllows(role, route.permission as Permission);
        const response = await platform.api(route.path.replace(/:[A-Za-z]+/g, ANY_ID), token, {
          method: route.method,
          ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { body: '{}' } : {}),
        });
        // A server-sent-events stream never ends: its status is all we need.
        if (response.headers.get('content-type')?.includes('text/event-stream'))
          await response.body?.cancel();
        if (!allowed) denied += 1;
        if ((response.status === 403) !== !allowed) {
          mismatches.push(`${route.method} ${route.path} needs ${route.permission}: got ${response.status}`);
        }
      }
      expect(mismatches).toEqual([]);
      const expectedDenied = routes.filter(
        (route) => !route.isPublic && !roleAllows(role, route.permission as Permission),
      );
      expect(denied).toBe(expectedDenied.length);
    },
    60_000,
  );
});
