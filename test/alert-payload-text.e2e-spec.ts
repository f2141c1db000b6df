import { GenericAlertDto, IncidentPage, PAYLOAD_MAX_DEPTH } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { getMetadataStorage } from 'class-validator';
import { DefendAlertDto } from '../apps/ingestion-gateway/src/defend-alert/defend-alert.dto';
import { addDefendIntegration } from './support/alert-path-stage';
import { IncidentStage } from './support/incident-stage';

const DEFEND_KEY = 'defend-test-key-0123456789abcdef';

/** Text PostgreSQL cannot store, put in the middle of a valid value (or key). */
const UNSTORABLE: [string, string][] = [
  ['a NUL', '\u0000'],
  ['a lone high surrogate', '\ud800'],
  ['a lone low surrogate', '\udc00'],
];

interface PayloadType {
  name: string;
  dto: new () => object;
  /** A valid body naming every field the DTO declares, with `details` nested through objects and arrays. */
  valid(tag: string): Record<string, unknown>;
  post(body: string): Promise<Response>;
}

interface Problem {
  errors?: { field: string; message: string }[];
}

/**
 * The class of defect behind "an alert is accepted, then lost": every text field of every alert payload
 * type, and every string and key nested in `details`, with text PostgreSQL cannot store, is a 400 naming
 * the field, through the real gateway; structural traps in `details` are 400s too, never 500s; and valid
 * alerts posted in the same run all become incidents.
 */
describe('Alert payloads with text that cannot be stored', () => {
  const stage = stageForAll(() =>
    IncidentStage.start('alerttext', { env: { DEFEND_SERVICE_KEY: DEFEND_KEY } }),
  );
  const validSummaries: string[] = [];

  const common = (tag: string) => ({
    summary: `Disk full on FS01 (${tag})`,
    severity: 'high',
    source: 'rmm',
    dedupKey: `disk-fs01-${tag}`,
    action: 'trigger',
    details: { disk: 'C:', freeGb: 3, tags: ['prod', { site: 'Lyon' }], probe: { last: { said: 'full' } } },
    component: 'disk',
    client: 'Acme',
    device: 'FS01',
    occurredAt: '2027-01-01T10:00:00Z',
  });
  const TYPES: PayloadType[] = [
    {
      name: 'generic',
      dto: GenericAlertDto,
      valid: common,
      post: (body) => stage.platform.postAlert(stage.demo.integrationKey, body),
    },
    {
      name: 'defend',
      dto: DefendAlertDto,
      valid: (tag) => ({ ...common(tag), orgId: stage.demo.orgId }),
      post: (body) =>
        fetch(`${stage.platform.url('ingestion-gateway')}/v1/alerts/defend`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${DEFEND_KEY}` },
          body,
        }),
    },
  ];

  beforeAll(() => addDefendIntegration(stage));

  async function postValid(type: PayloadType, tag: string): Promise<void> {
    const body = type.valid(`${type.name}-${tag}`);
    const response = await type.post(JSON.stringify(body));
    expect({ type: type.name, status: response.status }).toEqual({ type: type.name, status: 202 });
    validSummaries.push(body.summary as string);
  }

  it.each(TYPES.map((type) => [type.name, type] as const))(
    'the %s example names every field its DTO declares (a new field must be added to it)',
    (_, type) => {
      const declared = getMetadataStorage()
        .getTargetValidationMetadatas(type.dto, '', true, false)
        .map((metadata) => metadata.propertyName);
      expect([...new Set(declared)].filter((field) => !(field in type.valid('x')))).toEqual([]);
    },
  );

  it.each(TYPES.map((type) => [type.name, type] as const))(
    'refuses every string and key of a %s alert holding text PostgreSQL cannot store, naming it',
    async (_, type) => {
      await postValid(type, 'before');
      const missed: string[] = [];
      for (const { path, mutate } of mutations(type.valid('bad'))) {
        for (const [what, bad] of UNSTORABLE) {
          const response = await type.post(JSON.stringify(mutate(bad)));
          const problem = (await response.json()) as Problem;
          const named = problem.errors?.some((error) => error.field === path) ?? false;
          if (response.status !== 400 || !named)
            missed.push(`${path} with ${what}: ${response.status} ${JSON.stringify(problem.errors)}`);
        }
      }
      expect(missed).toEqual([]);
      await postValid(type, 'after');
    },
    60_000,
  );

  it.each(TYPES.map((type) => [type.name, type] as const))(
    'refuses details nested thousands of levels deep and keys naming object machinery in a %s alert',
    async (_, type) => {
      const valid = JSON.stringify(type.valid('trap'));
      const withDetails = (details: string) =>
        valid.replace(/"details":\{.*?"probe":\{[^}]*\}\}\}/, `"details":${details}`);
      const cases: [string, string, string][] = [
        // Refused while the body is read, before anything walks it (ADR 0132): the body is what is named.
        ['5,000 levels', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`, 'body'],
        [
          `${PAYLOAD_MAX_DEPTH} levels`,
          `${'{"a":'.repeat(PAYLOAD_MAX_DEPTH)}1${'}'.repeat(PAYLOAD_MAX_DEPTH)}`,
          'details',
        ],
        ['constructor', '{"constructor":"x"}', 'details.constructor'],
        ['__proto__', '{"__proto__":{"polluted":true}}', 'details.__proto__'],
        ['prototype, nested', '{"list":[{"prototype":1}]}', 'details.list.0.prototype'],
      ];
      for (const [what, details, field] of cases) {
        const body = withDetails(details);
        expect(body).toContain(details);
        const response = await type.post(body);
        const problem = (await response.json()) as Problem;
        expect({ what, status: response.status, fields: problem.errors?.map((e) => e.field) }).toEqual({
          what,
          status: 400,
          fields: [field],
        });
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it('turns every valid alert posted in the same run into an incident', async () => {
    expect(validSummaries.length).toBeGreaterThanOrEqual(4);
    const titles = await waitFor('an incident for every valid alert', async () => {
      const page = (await (
        await stage.platform.api('/api/v1/incidents?limit=200', stage.manager)
      ).json()) as IncidentPage;
      const found = page.items.map((incident) => incident.title);
      return validSummaries.every((summary) => found.includes(summary)) ? found : undefined;
    });
    expect(titles).toHaveLength(validSummaries.length);
  });
});

/** Every string value and every object key of a body, with a function that puts text into it. */
function mutations(body: Record<string, unknown>): { path: string; mutate(bad: string): unknown }[] {
  const found: { path: string; mutate(bad: string): unknown }[] = [];
  const visit = (value: unknown, path: string[]) => {
    if (typeof value === 'string') {
      found.push({
        path: path.join('.'),
        mutate: (bad) => replaced(body, path, (text) => insert(text, bad)),
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        if (!Array.isArray(value) && path.length > 0) {
          // A bad key is named by its parent: the key itself is the thing that cannot be written down.
          found.push({
            path: path.join('.'),
            mutate: (bad) => renamedKey(body, path, key, insert(key, bad)),
          });
        }
        visit(child, [...path, key]);
      }
    }
  };
  visit(body, []);
  return found;
}

function insert(text: string, bad: string): string {
  const middle = Math.floor(text.length / 2);
  return `${text.slice(0, middle)}${bad}${text.slice(middle)}`;
}

function replaced(body: unknown, path: string[], change: (text: string) => string): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  target[last] = change(target[last] as string);
  return copy;
}

function renamedKey(body: unknown, path: string[], key: string, to: string): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const step of path) target = target[step] as Record<string, unknown>;
  target[to] = target[key];
  delete target[key];
  return copy;
}
