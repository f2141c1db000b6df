import { stageForAll, waitFor } from '@oncall/platform-testing';
import fc from 'fast-check';
import { deflateSync, gzipSync } from 'node:zlib';
import { DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import { addDefendIntegration, incidentTitles, startFuzzStage } from './support/alert-path-stage';
import { storedAlerts } from './support/alert-stream';

const DEFEND_KEY = 'defend-fuzz-key-0123456789abcdef0123';

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Set for an alert that is valid by construction: it must be accepted and become an incident. */
  validSummary?: string;
}

/**
 * Issue 8: fuzz every gateway route (malformed JSON, wrong types, huge and deep bodies, NUL and lone
 * surrogates, odd content types and encodings, random paths). Never a 5xx, never the key in an answer,
 * every 202 stored in JetStream, and the valid alerts sent among them all become incidents.
 */
describe('Gateway fuzz', () => {
  const stage = stageForAll(() => startFuzzStage('gwfuzz', DEFEND_KEY));
  beforeAll(() => addDefendIntegration(stage));

  it('answers every request below 500, never with the key, and stores or refuses each alert for good', async () => {
    const accepted: string[] = [];
    const validSummaries: string[] = [];
    await fc.assert(
      fc.asyncProperty(requests(stage.demo), async (request) => {
        const response = await fetch(`${stage.platform.url('ingestion-gateway')}${request.path}`, {
          method: request.method,
          headers: request.headers,
          body: request.body,
        });
        const text = await response.text();
        expect({ request: summarize(request), status: response.status }).toEqual({
          request: summarize(request),
          status: expect.any(Number),
        });
        expect(response.status).toBeLessThan(500);
        expect(text.includes(stage.demo.integrationKey) || text.includes(DEFEND_KEY)).toBe(false);
        if (response.status === 202) accepted.push((JSON.parse(text) as { alertId: string }).alertId);
        if (request.validSummary) {
          expect({ summary: request.validSummary, status: response.status }).toEqual({
            summary: request.validSummary,
            status: 202,
          });
          validSummaries.push(request.validSummary);
        }
      }),
      { numRuns: 300 },
    );

    const stored = await storedAlerts(stage.platform);
    expect(accepted.filter((alertId) => !stored.has(alertId))).toEqual([]);
    expect(validSummaries.length).toBeGreaterThan(20);
    await waitFor(
      'every valid alert to be an incident',
      async () => {
        const titles = await incidentTitles(stage);
        return validSummaries.every((summary) => titles.has(summary));
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  }, 180_000);
});

function summarize(request: FuzzRequest): string {
  const body = request.body
    ? `${request.body.length} bytes: ${request.body.subarray(0, 120).toString('utf8')}`
    : '';
  return `${request.method} ${request.path} ${JSON.stringify(request.headers)} ${body}`;
}

/** Text with what breaks naive code: NUL, lone surrogates, BOMs, blanks, long runs. */
const oddText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'disk\u0000full', '\ud800', 'cpu \udfff high', '\ufeff', '\u{1F525}'),
  fc.string({ unit: fc.constantFrom('a', ' ', '\u0000', '\ud800', '\udc00', '\u{1F525}'), maxLength: 30 }),
  fc.string({ minLength: 1_000, maxLength: 3_000 }),
);

const anyValue = fc.oneof(oddText, fc.anything({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 4 }));

function deep(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** Mostly the usual value, sometimes anything: so that most requests get past the earlier checks. */
const usually = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: value, weight: 3 }, { arbitrary: anyValue, weight: 1 });

/** An alert (generic, or Defend's with orgId) with any field missing, odd or of the wrong type. */
function mutatedAlert(orgId: string) {
  return fc.record(
    {
      summary: usually(fc.constant('Disk full on FS01')),
      severity: usually(fc.constantFrom('critical', 'high', 'warning', 'info', 'error')),
      source: usually(fc.constant('rmm')),
      dedupKey: usually(fc.string({ minLength: 1, maxLength: 20 })),
      action: usually(fc.constantFrom('trigger', 'acknowledge', 'resolve')),
      details: fc.oneof(
        fc.dictionary(fc.string(), anyValue),
        fc.constantFrom({ constructor: 'x' }, { __proto__: { a: 1 } }, { toString: 'x' }),
        fc.integer({ min: 1, max: 200 }).map((levels) => JSON.parse(deep(levels)) as object),
        anyValue,
      ),
      occurredAt: usually(fc.constant('2027-01-01T10:00:00Z')),
      orgId: usually(fc.constant(orgId)),
      component: anyValue,
    },
    { requiredKeys: ['summary', 'severity', 'source'] },
  );
}

const oddBodies = (orgId: string): fc.Arbitrary<string | Buffer> =>
  fc.oneof(
    mutatedAlert(orgId).map((alert) => JSON.stringify(alert)),
    mutatedAlert(orgId).map((alert) => JSON.stringify(alert).slice(0, -3)),
    fc.jsonValue().map((value) => JSON.stringify(value) ?? ''),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    fc.integer({ min: 60, max: 20_000 }).map(deep),
    fc.constant(
      JSON.stringify({ summary: 's', severity: 'info', source: 'x', details: { blob: 'x'.repeat(300_000) } }),
    ),
    fc.constant(''),
  );

const contentTypes = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ),
    fc.stringMatching(/^[\x21-\x7e]{0,40}$/),
  ),
  { nil: undefined },
);

interface HeaderSet {
  contentType: string | undefined;
  encoding: string;
  authorization: string | undefined;
}

/** How the body is encoded, and what the request says about it (not always the truth). */
const encodings = fc.constantFrom('none', 'gzip', 'deflate', 'gzip-label-only', 'br', 'gzip, gzip');

function encode(body: string | Buffer, encoding: string): { body: Buffer; header?: string } {
  const bytes = Buffer.from(body);
  if (encoding === 'gzip') return { body: gzipSync(bytes), header: 'gzip' };
  if (encoding === 'deflate') return { body: deflateSync(bytes), header: 'deflate' };
  if (encoding === 'gzip-label-only') return { body: bytes, header: 'gzip' };
  if (encoding === 'none') return { body: bytes };
  return { body: bytes, header: encoding };
}

function requests(demo: DemoOrganization): fc.Arbitrary<FuzzRequest> {
  const key = demo.integrationKey;
  const keyVariants = fc.constantFrom(
    key,
    key.toUpperCase(),
    key.slice(1),
    `${key}0`,
    `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`,
    encodeURIComponent(`../${key}`),
    '',
  );
  const segment = fc.oneof(fc.stringMatching(/^[A-Za-z0-9._~%-]{0,20}$/), fc.constant(key));
  const paths = fc.oneof(
    keyVariants.map((variant) => `/v1/alerts/generic/${variant}`),
    fc
      .constantFrom('pagerduty', 'alertmanager', 'rmm', 'defend', 'nagios')
      .map((type) => `/v1/alerts/${type}/${key}`),
    fc.constant('/v1/alerts/defend'),
    fc.array(segment, { maxLength: 5 }).map((segments) => `/${segments.join('/')}`),
    fc.constantFrom(
      `/v1/alerts/generic/${key}?key=${key}`,
      `/v1/alerts/generic/${key}/extra`,
      '/healthz',
      '/readyz',
    ),
  );
  const authorization = fc.option(fc.constantFrom(`Bearer ${DEFEND_KEY}`, 'Bearer wrong', DEFEND_KEY, ''), {
    nil: undefined,
  });
  const headerSets = fc.record({ contentType: contentTypes, encoding: encodings, authorization });
  const build = (method: string, path: string, headerSet: HeaderSet, body: string | Buffer): FuzzRequest => {
    const encoded = encode(body, headerSet.encoding);
    const headers: Record<string, string> = {};
    if (headerSet.contentType !== undefined) headers['content-type'] = headerSet.contentType;
    if (encoded.header) headers['content-encoding'] = encoded.header;
    if (headerSet.authorization !== undefined) headers.authorization = headerSet.authorization;
    return { method, path, headers, body: method === 'GET' ? undefined : encoded.body };
  };
  const alertRoute = fc.constantFrom(`/v1/alerts/generic/${key}`, '/v1/alerts/defend');
  const plainHeaders = fc.constant<HeaderSet>({
    contentType: 'application/json',
    encoding: 'none',
    authorization: `Bearer ${DEFEND_KEY}`,
  });
  // Odd fields on the real routes; odd headers and bodies on the real routes; anything anywhere.
  const oddFields = fc
    .tuple(alertRoute, plainHeaders, mutatedAlert(demo.orgId))
    .map(([path, headerSet, alert]) => build('POST', path, headerSet, JSON.stringify(alert)));
  const oddHeaders = fc
    .tuple(alertRoute, headerSets, oddBodies(demo.orgId))
    .map(([path, headerSet, body]) => build('POST', path, headerSet, body));
  const anywhere = fc
    .tuple(fc.constantFrom('POST', 'GET', 'PUT', 'DELETE', 'PATCH'), paths, headerSets, oddBodies(demo.orgId))
    .map(([method, path, headerSet, body]) => build(method, path, headerSet, body));
  const valid = fc
    .record({ id: fc.uuid(), route: fc.constantFrom('generic', 'defend'), gzip: fc.boolean() })
    .map(({ id, route, gzip }): FuzzRequest => {
      const summary = `fuzz valid ${id}`;
      const alert = { summary, severity: 'high', source: 'fuzz', dedupKey: id };
      const body = JSON.stringify(route === 'defend' ? { ...alert, orgId: demo.orgId } : alert);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (gzip) headers['content-encoding'] = 'gzip';
      if (route === 'defend') headers.authorization = `Bearer ${DEFEND_KEY}`;
      const path = route === 'defend' ? '/v1/alerts/defend' : `/v1/alerts/generic/${key}`;
      return {
        method: 'POST',
        path,
        headers,
        body: gzip ? gzipSync(body) : Buffer.from(body),
        validSummary: summary,
      };
    });
  return fc.oneof(
    { arbitrary: oddFields, weight: 4 },
    { arbitrary: oddHeaders, weight: 2 },
    { arbitrary: anywhere, weight: 2 },
    { arbitrary: valid, weight: 1 },
  );
}
