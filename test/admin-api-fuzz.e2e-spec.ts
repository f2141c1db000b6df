import fc from 'fast-check';
import { PlatformHarness } from './support/platform-harness';
import { RouteInfo } from './support/route-catalogue';
import { startRouteWalk } from './support/route-walk';

/** Fields the API's queries and bodies name: the fuzzer sends them more often than random keys. */
const KNOWN_FIELDS = [
  'from', 'to', 'at', 'cursor', 'limit', 'status', 'severity', 'serviceId', 'clientId', 'assigneeId', 'sort',
  'resourceType', 'resourceId', 'scheduleId', 'token', 'ticket', 'force', 'name', 'email', 'role', 'timeZone',
  'userIds', 'steps', 'layers', 'start', 'end', 'userId', 'type', 'priority', 'text', 'to', 'expectedVersion',
  'durationMinutes', 'sourceIncidentIds', 'managerUserId', 'teamId', 'escalationPolicyId', 'urgency', 'details',
  'address', 'enabled', 'high', 'low', 'contactMethodId', 'delayMinutes',
]; // prettier-ignore

/** Text a prober would try: control characters, lone surrogates, instants PostgreSQL refuses, huge values. */
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000', '\ud800', '2026-W01', '2026-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '-1', '1e308', 'NaN',
    '9'.repeat(40), "' OR 1=1 --", '../../etc/passwd', '%00', '__proto__', 'constructor', '{}', '[]', 'null',
    '00000000-0000-0000-0000-000000000000', 'x'.repeat(5_000),
  ), // prettier-ignore
);
const fieldName = fc.oneof(fc.constantFrom(...KNOWN_FIELDS), fc.string({ maxLength: 12 }));
const jsonish = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nastyText);
const query = fc.dictionary(fieldName, fc.oneof(nastyText, fc.array(nastyText, { maxLength: 3 })), {
  maxKeys: 4,
});

/** Nested `depth` levels deep, as one body: `{"a":{"a":...}}` or `[[[...]]]`. */
const deep = (depth: number, kind: 'object' | 'array') =>
  kind === 'object'
    ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
    : `${'['.repeat(depth)}${']'.repeat(depth)}`;

const body = fc.oneof(
  fc.dictionary(fieldName, jsonish, { maxKeys: 6 }).map((value) => JSON.stringify(value)),
  jsonish.map((value) => JSON.stringify(value)),
  fc.constantFrom(
    deep(5_000, 'object'), deep(5_000, 'array'), deep(60, 'object'),
    '{"constructor":"x"}', '{"constructor":{"prototype":{"x":1}}}', '{"__proto__":{"admin":true}}',
    '{"toString":"x","valueOf":1,"hasOwnProperty":null}', '{', 'not json', '', '"a string"', '123',
  ), // prettier-ignore
);

const INTERNALS = [
  /oncall\.(?!dev\/)[a-z]/i,
  /\n\s+at .+\(/,
  /QueryFailedError|TypeError|RangeError|node_modules|\.ts:\d+/,
];

/**
 * Issue 8, item 5: malformed bodies, queries and path parameters on every route of admin-api (read from the
 * running application, so a new route is fuzzed without anyone listing it) answer below 500, and no error
 * body names a bus subject, a stack trace or an internal error class.
 */
describe('admin-api fuzzed on every route (fast-check)', () => {
  let platform: PlatformHarness;
  let routes: RouteInfo[];
  let token: string;
  const realIds: string[] = [];

  beforeAll(async () => {
    ({ platform, routes } = await startRouteWalk('apifuzz'));
    token = platform.token('org-fuzz', 'manager', 'fuzz-manager');
    const post = async (path: string, payload: object) => {
      const response = await platform.api(path, token, { method: 'POST', body: JSON.stringify(payload) });
      const created = (await response.json()) as { id?: string; integration?: { id: string } };
      return created.id ?? created.integration?.id ?? '';
    };
    const victim = await post('/api/v1/users', {
      email: 'victim@fuzz.test',
      name: 'Victim',
      role: 'technician',
    });
    const service = await post('/api/v1/services', { name: 'Fuzz service' });
    realIds.push(
      victim,
      service,
      await post('/api/v1/clients', { name: 'Fuzz client' }),
      await post('/api/v1/teams', { name: 'Fuzz team' }),
      await post(`/api/v1/services/${service}/integrations`, { type: 'generic', name: 'Fuzz monitor' }),
      await post('/api/v1/escalation-policies', { name: 'Fuzz policy', steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: victim }] }] }), // prettier-ignore
      await post(`/api/v1/users/${victim}/contact-methods`, {
        type: 'email',
        address: 'victim.mobile@fuzz.test',
      }),
    );
  }, 60_000);
  afterAll(() => platform.close());

  it('answers every route below 500, naming nothing internal', async () => {
    const failures: string[] = [];
    const pathParam = fc.oneof(
      fc.constantFrom(...realIds),
      fc.uuid(),
      nastyText.filter((text) => text.length > 0),
    );
    for (const route of routes) {
      const mutating = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method);
      const request = fc.record({
        params: fc.array(pathParam, { minLength: 4, maxLength: 4 }),
        query,
        body: mutating ? body : fc.constant(undefined),
        authenticated: fc.boolean(),
      });
      await fc
        .assert(
          fc.asyncProperty(request, async ({ params, query: search, body: payload, authenticated }) => {
            let index = 0;
            const path = route.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(params[index++]));
            const url = `${platform.url('admin-api')}${path}?${toSearch(search)}`;
            const response = await fetch(url, {
              method: route.method,
              headers: {
                'content-type': 'application/json',
                ...(authenticated || !route.isPublic ? { authorization: `Bearer ${token}` } : {}),
              },
              ...(payload === undefined ? {} : { body: payload }),
            });
            const text = route.path === '/api/v1/live/incidents' && response.ok ? '' : await response.text();
            if (route.path === '/api/v1/live/incidents') await response.body?.cancel().catch(() => undefined);
            const leaks = response.status >= 400 ? INTERNALS.filter((pattern) => pattern.test(text)) : [];
            if (response.status >= 500 || leaks.length > 0) {
              failures.push(`${route.method} ${path}?${toSearch(search)} ${String(payload).slice(0, 120)} → ${response.status} ${text.slice(0, 300)}`); // prettier-ignore
              return false;
            }
            return true;
          }),
          { numRuns: mutating ? 12 : 8, endOnFailure: true },
        )
        .catch(() => undefined);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

function toSearch(query: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  return search.toString();
}
