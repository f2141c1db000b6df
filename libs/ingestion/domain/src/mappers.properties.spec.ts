import fc from 'fast-check';
import { INTAKE_FORMATS, IntakeFormatName } from './intake-formats';
import type { MappedAlert } from './mapped-alert';
import { isStorableText, isText, parseInstant } from './reading/text-rules';
import { facts, integration } from './testing/intake-fixtures';

const names = Object.keys(INTAKE_FORMATS) as IntakeFormatName[];
const defend = integration('defend');

/** Any value a sender could put anywhere: text with NUL and lone surrogates, numbers, nesting. */
const anyValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', 'x'.repeat(2_000), '2027-02-30T00:00:00Z'),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A schema example with one field anywhere replaced (or removed). */
function examplesWithOneChange(name: IntakeFormatName): fc.Arbitrary<unknown> {
  const example = INTAKE_FORMATS[name].schema.examples[0];
  const paths = leafPaths(example);
  return fc.tuple(fc.constantFrom(...paths), fc.option(anyValue, { nil: undefined })).map(([path, value]) => {
    const copy = structuredClone(example) as Record<string, unknown>;
    let target = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    target[path[path.length - 1]] = value;
    return copy;
  });
}

function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [path];
  return [path, ...Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...path, key]))].filter(
    (found) => found.length > 0,
  );
}

function everyStringIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [key, ...everyStringIn(child)]);
}

/** What incident-state and PostgreSQL would refuse after the 202: never in an accepted alert. */
function problemsOf(alert: MappedAlert): string[] {
  const problems: string[] = [];
  if (!isText(alert.summary, 1024)) problems.push('summary');
  if (!isText(alert.dedupKey, 255)) problems.push('dedupKey');
  if (parseInstant(alert.occurredAt) !== alert.occurredAt) problems.push('occurredAt');
  if (everyStringIn(alert).some((text) => !isStorableText(text))) problems.push('unstorable text');
  return problems;
}

describe('every mapper, whatever it is sent', () => {
  it.each(names)('%s: never throws, and accepts only alerts the rest of the platform can keep', (name) => {
    const { map } = INTAKE_FORMATS[name];
    fc.assert(
      fc.property(fc.oneof(examplesWithOneChange(name), anyValue), (body) => {
        const result = map(body, defend, facts);
        expect(result.alerts.flatMap(problemsOf)).toEqual([]);
        expect(result.alerts.length > 0 || result.rejected.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('alert webhooks: each element becomes an alert or is refused by its index, once', () => {
    const element = fc.oneof(
      fc.constant(INTAKE_FORMATS['alert-webhook.v4'].schema.examples[0].alerts[0]),
      examplesWithOneChange('alert-webhook.v4').map((body) => (body as { alerts: unknown[] }).alerts?.[0]),
      anyValue,
    );
    fc.assert(
      fc.property(fc.array(element, { maxLength: 30 }), (alerts) => {
        const { alerts: mapped, rejected } = INTAKE_FORMATS['alert-webhook.v4'].map(
          { alerts },
          defend,
          facts,
        );
        const accepted = mapped.map((alert) => Number(alert.alertId.slice(2)));
        const refused = [...new Set(rejected.map((rejection) => rejection.index))];
        expect([...accepted, ...refused].sort((a, b) => Number(a) - Number(b))).toEqual(
          alerts.map((_, i) => i),
        );
      }),
      { numRuns: 300 },
    );
  });
});
