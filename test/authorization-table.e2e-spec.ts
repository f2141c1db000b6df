import { Permission, Role, ROLES, roleAllows } from '@oncall/platform-auth';
import { PlatformHarness } from './support/platform-harness';
import { routeCatalogue, RouteInfo } from './support/route-catalogue';

const ANY_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Every route that needs no user token. Adding @PublicRoute (or @ServiceKey) anywhere fails this test until
 * the route is added here, on purpose: someone has to look at it.
 */
const PUBLIC_ROUTES = [
  'GET /.well-known/jwks.json', // the development signing key's public half
  'GET /api/v1/billing/active-users', // @ServiceKey('HUB_BILLING_KEY')
  'GET /api/v1/calendar/shifts.ics', // the calendar feed's own ?token=
  'GET /contact-verification/:token', // the confirmation link's token; asks, confirms nothing
  'POST /contact-verification/:token', // the confirmation link's token (notification checks it)
  'GET /email-actions/:action/:token', // a signed one-click link; asks, changes nothing
  'POST /email-actions/:action/:token', // a signed one-click link, used once (notification checks it)
  'GET /healthz',
  'GET /metrics', // METRICS_TOKEN when configured
  'GET /readyz',
];

describe('The permission table, walked over every route of admin-api', () => {
  let platform: PlatformHarness;
  let routes: RouteInfo[];

  beforeAll(async () => {
    platform = await PlatformHarness.create('authz');
    // The services admin-api asks over the bus: an allowed route must get a real answer, not a 503.
    await platform.start(
      'admin-api',
      'incident-state',
      'dedup-grouping',
      'scheduling',
      'escalation',
      'notification',
      'psa-sync',
    );
    routes = routeCatalogue(platform.service('admin-api').app);
  }, 60_000);
  afterAll(() => platform.close());

  it('finds the routes, and every one is public or names the permission it needs', () => {
    expect(routes.length).toBeGreaterThan(10);
    const unguarded = routes.filter((route) => !route.isPublic && !route.permission);
    expect(unguarded.map((route) => `${route.method} ${route.path} (${route.handler})`)).toEqual([]);
  });

  it('opens exactly the known routes without a user token', async () => {
    const open = routes.filter((route) => route.isPublic).map((route) => `${route.method} ${route.path}`);
    expect(open.sort()).toEqual([...PUBLIC_ROUTES].sort());
    // A machine-key route is public to the token guards only: without its key it is refused.
    expect((await fetch(`${platform.url('admin-api')}/api/v1/billing/active-users`)).status).toBe(401);
  });

  it.each(ROLES)(
    'a %s gets 403 exactly where the table denies, and a real answer where it allows, on every route',
    async (role: Role) => {
      const token = platform.token('org-authz', role, `authz-${role}`);
      const mismatches: string[] = [];
      for (const route of routes.filter((candidate) => !candidate.isPublic)) {
        const allowed = roleAllows(role, route.permission as Permission);
        const response = await platform.api(route.path.replace(/:[A-Za-z]+/g, ANY_ID), token, {
          method: route.method,
          ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { body: '{}' } : {}),
        });
        // A server-sent-events stream never ends: its status is all we need (of any answer).
        await response.body?.cancel();
        const status = response.status;
        // Allowed: past both guards (not 401/403) and handled (a 400 for the empty body or a 404 for the
        // made-up id is fine; a 5xx is not). Denied: 403, never anything else.
        const ok = allowed ? status !== 401 && status !== 403 && status < 500 : status === 403;
        if (!ok) {
          mismatches.push(
            `${route.method} ${route.path} needs ${route.permission} (${allowed ? 'allowed' : 'denied'}): got ${status}`,
          );
        }
      }
      expect(mismatches).toEqual([]);
    },
    60_000,
  );
});
