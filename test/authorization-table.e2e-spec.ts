import { Permission, Role, ROLES, roleAllows } from '@oncall/platform-auth';
import { PlatformHarness } from './support/platform-harness';
import { RouteInfo } from './support/route-catalogue';
import { startRouteWalk } from './support/route-walk';

const ANY_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Every route that needs no user token. Adding @PublicRoute (or @ServiceKey) anywhere fails this test until
 * the route is added here, on purpose: someone has to look at it.
 */
const PUBLIC_ROUTES = [
  'GET /.well-known/jwks.json', // the development signing key's public half
  'GET /api/v1/auth/config', // how the SPA signs in (Hub issuer, public client id): asked before any token
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
    ({ platform, routes } = await startRouteWalk('authz'));
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
        const status = response.status;
        // A server-sent-events stream never ends: its status is all we need of it.
        const body = response.headers.get('content-type')?.includes('json')
          ? ((await response.json()) as { code?: string; details?: { errors?: unknown[] } })
          : (await response.body?.cancel(), undefined);
        // Allowed: answered by the handler. A list answers 200; the made-up id is the handler's 404 (a code
        // ending in NOT_FOUND); the empty body is a 400 naming what is wrong. Denied: 403, never anything else.
        const handled =
          (status >= 200 && status < 300) ||
          (status === 404 && /NOT_FOUND$/.test(body?.code ?? '')) ||
          (status === 400 &&
            ((body?.details?.errors?.length ?? 0) > 0 || /^[A-Z_]+$/.test(body?.code ?? ''))) ||
          status === 409;
        const isList = route.method === 'GET' && !route.path.includes('/:');
        const ok = allowed ? (isList ? status === 200 : handled) : status === 403;
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
