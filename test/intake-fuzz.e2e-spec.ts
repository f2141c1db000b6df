import { IntakeFormatName } from '@oncall/ingestion-domain';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import fc from 'fast-check';
import { incidentTitles, integrateEveryType, startFuzzStage } from './support/alert-path-stage';
import { Editable, example, IssuedIntegration } from './support/intake-fixtures';

const DEFEND_KEY = 'defend-intake-fuzz-key-0123456789abcdef';

interface Target {
  name: string;
  format: IntakeFormatName;
  /** The path, given the integrations issued. */
  path(issued: Record<string, IssuedIntegration>): string;
  /** The example made valid for this run and unique, carrying `tag` where the incident title shows it. */
  valid(tag: string, issued: Record<string, IssuedIntegration>, orgId: string): Editable;
}

const urlOf = (type: string) => (issued: Record<string, IssuedIntegration>) =>
  new URL(issued[type].alertUrl).pathname;

const TARGETS: Target[] = [
  {
    name: 'rmm',
    format: 'rmm-alert.v1',
    path: urlOf('rmm'),
    valid: (tag) => example('rmm-alert.v1', (b) => Object.assign(b, { alertId: tag, message: `RMM ${tag}` })),
  },
  {
    name: 'security',
    format: 'security-finding.v1',
    path: urlOf('security'),
    valid: (tag) => example('security-finding.v1', (b) => Object.assign(b, { findingId: tag, summary: `Security ${tag}` })), // prettier-ignore
  },
  {
    name: 'backups',
    format: 'backup-job.v1',
    path: urlOf('backups'),
    valid: (tag) =>
      example('backup-job.v1', (b) => Object.assign(b, { jobId: tag, jobName: `Backup ${tag}` })),
  },
  {
    name: 'alertmanager',
    format: 'alert-webhook.v4',
    path: urlOf('alertmanager'),
    valid: (tag) =>
      example('alert-webhook.v4', (b) => {
        b.alerts[0].fingerprint = tag;
        b.alerts[0].annotations.summary = `Alertmanager ${tag}`;
      }),
  },
  {
    name: 'pagerduty v2',
    format: 'pagerduty-event.v2',
    path: () => '/v2/enqueue',
    valid: (tag, issued) =>
      example('pagerduty-event.v2', (b) => {
        Object.assign(b, { routing_key: issued['pagerduty'].key, dedup_key: tag });
        b.payload.summary = `PagerDuty ${tag}`;
      }),
  },
  {
    name: 'pagerduty url',
    format: 'pagerduty-event.v2',
    path: urlOf('pagerduty'),
    valid: (tag) =>
      example('pagerduty-event.v2', (b) => {
        delete b.routing_key;
        b.dedup_key = tag;
        b.payload.summary = `PagerDuty URL ${tag}`;
      }),
  },
  {
    name: 'pagerduty v1',
    format: 'pagerduty-event.v1',
    path: () => '/generic/2010-04-15/create_event.json',
    valid: (tag, issued) =>
      example(
        'pagerduty-event.v1',
        (b) =>
        Object.assign(b, { service_key: issued['pagerduty'].key, incident_key: tag, description: `PagerDuty v1 ${tag}` }), // prettier-ignore
      ),
  },
  {
    name: 'defend',
    format: 'defend-detection.v1',
    path: () => '/v1/alerts/defend',
    valid: (tag, _, orgId) =>
      example('defend-detection.v1', (b) => {
        Object.assign(b, { orgId, detectionId: tag });
        b.threat.name = `Defend ${tag}`;
      }),
  },
];

/** What breaks naive code: NUL, lone surrogates, blanks, long text, wrong types, deep nesting, traps. */
const oddValue = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'x\u0000y',
    '\ud800',
    '\udfff',
    'x'.repeat(5_000),
    -1,
    1e308,
    true,
    null,
  ),
  fc.constantFrom([], {}, [[[]]], { constructor: 1 }, '2027-02-30T10:00:00Z', 'not a url', 'javascript:x'),
  fc.anything({ maxDepth: 2 }),
  fc
    .integer({ min: 30, max: 80 })
    .map((levels) => JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`) as unknown),
);

/** Every path of a JSON value (`a.b.0.c`), to mutate at random. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Object.entries(value);
  return [prefix, ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key]))];
}

function mutate(body: Editable, path: string[], value: unknown | undefined): Editable {
  if (path.length === 0) return (value ?? {}) as Editable;
  const copy = structuredClone(body);
  let target: Editable = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Editable;
  if (value === undefined) delete target[path[path.length - 1]];
  else target[path[path.length - 1]] = value;
  return copy;
}

/**
 * Issue 12: fuzz every intake endpoint with its own format broken in every way (fields removed, replaced
 * by odd values, junk bodies). Never a 5xx, never a key echoed; the valid alerts sent in the same run all
 * become incidents.
 */
describe('Intake fuzz', () => {
  const stage = stageForAll(() => startFuzzStage('intakefuzz', DEFEND_KEY));
  let issued: Record<string, IssuedIntegration>;

  beforeAll(async () => {
    issued = await integrateEveryType(stage);
  });

  it('answers every malformed body below 500 and lands every valid alert sent among them', async () => {
    const validTags: string[] = [];
    const keys = [...Object.values(issued).map((integration) => integration.key), DEFEND_KEY];
    let counter = 0;
    const requests = fc.record({
      target: fc.constantFrom(...TARGETS),
      // A quarter unchanged: valid alerts among the malformed ones.
      mutations: fc.oneof(
        { arbitrary: fc.constant([] as [number, unknown][]), weight: 1 },
        { arbitrary: fc.array(fc.tuple(fc.nat(), fc.option(oddValue, { nil: undefined })), { minLength: 1, maxLength: 3 }), weight: 3 }, // prettier-ignore
      ),
      junk: fc.oneof(
        { arbitrary: fc.constant(null), weight: 6 },
        {
          arbitrary: fc.oneof(
            fc.string(),
            fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
          ),
          weight: 1,
        },
      ),
    });
    await fc.assert(
      fc.asyncProperty(requests, async ({ target, mutations, junk }) => {
        const tag = `fuzz-${(counter += 1)}-${Date.now()}`;
        let body = target.valid(tag, issued, stage.demo.orgId);
        for (const [pick, value] of mutations) {
          const paths = pathsOf(body);
          body = mutate(body, paths[pick % paths.length], value);
        }
        const text = junk ?? JSON.stringify(body);
        const response = await fetch(`${stage.platform.url('ingestion-gateway')}${target.path(issued)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${DEFEND_KEY}` },
          body: text,
        });
        const answer = await response.text();
        const seen = { target: target.name, sent: text.slice(0, 300), status: response.status };
        expect(seen).toEqual({ ...seen, status: response.status < 500 ? response.status : 'below 500' });
        expect(keys.filter((key) => answer.includes(key))).toEqual([]);
        if (junk === null && mutations.length === 0) {
          expect(seen).toEqual({ ...seen, status: target.format === 'pagerduty-event.v1' ? 200 : 202 });
          validTags.push(tag);
        }
      }),
      { numRuns: 400 },
    );
    expect(validTags.length).toBeGreaterThan(20);
    await waitFor(
      'every valid alert to be an incident',
      async () => {
        const titles = [...(await incidentTitles(stage))].join('\n');
        return validTags.every((tag) => titles.includes(tag));
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  }, 240_000);
});
