import { BadRequestException } from '@nestjs/common';
import { GenericAlertDto } from '@oncall/contracts';
import { validatePayload } from '@oncall/platform-runtime';
import fc from 'fast-check';
import { DefendAlertDto } from '../defend-alert/defend-alert.dto';
import { validateDefendAlert, validateGenericAlert } from './alert-validators';

type Outcome = { accepted: unknown } | { refused: unknown };

function outcome(validate: () => object): Outcome {
  try {
    return { accepted: JSON.parse(JSON.stringify(validate())) as unknown };
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return { refused: error.getResponse() };
  }
}

const odd = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'x'.repeat(1025), '2027-01-01T10:00:00Z', '2027-W01-1'),
);
const usually = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: value, weight: 4 }, { arbitrary: odd, weight: 1 });
const bodies = fc.record(
  {
    summary: usually(fc.string({ minLength: 1, maxLength: 40 })),
    severity: usually(fc.constantFrom('critical', 'high', 'warning', 'info', 'error')),
    source: usually(fc.constant('rmm')),
    dedupKey: usually(fc.string({ minLength: 1, maxLength: 20 })),
    action: usually(fc.constantFrom('trigger', 'acknowledge', 'resolve')),
    details: fc.oneof(
      fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
      fc.constantFrom(
        { constructor: 'x' },
        { toString: [] },
        { hasOwnProperty: 1, valueOf: 'x' },
        JSON.parse('{"__proto__": {"a": 1}}') as object,
      ),
      odd,
    ),
    component: usually(fc.string({ maxLength: 300 })),
    client: usually(fc.string({ maxLength: 20 })),
    device: usually(fc.string({ maxLength: 20 })),
    occurredAt: usually(fc.constantFrom('2027-01-01T10:00:00Z', '2027-01-01T12:00:00+02:00')),
    orgId: usually(fc.constantFrom('org-1', 'demo-msp')),
    unknownField: odd,
  },
  { requiredKeys: [] },
);

describe('compiled alert validation', () => {
  it.each([
    ['generic', GenericAlertDto, validateGenericAlert],
    ['Defend', DefendAlertDto, validateDefendAlert],
  ] as const)('answers every %s body exactly as validatePayload does', (_, dto, compiled) => {
    fc.assert(
      fc.property(bodies, (body) => {
        const plain = body as Record<string, unknown>;
        expect(outcome(() => compiled(plain))).toEqual(outcome(() => validatePayload<object>(dto, plain)));
      }),
      { numRuns: 1_000 },
    );
  });

  it('accepts a typical alert without a class instance, and refuses with the fields named', () => {
    const alert = { summary: 'Disk full', severity: 'critical', source: 'rmm', details: { disk: 'C:' } };
    expect(validateGenericAlert(alert)).toBe(alert);
    expect(() => validateGenericAlert({ ...alert, severity: 'apocalyptic' })).toThrow(BadRequestException);
  });

  it('sends what the fast path does not vouch for to the full check: unstorable text anywhere, deep nesting', () => {
    const alert = { summary: 'Disk full', severity: 'critical', source: 'rmm' };
    let deep: unknown = 'x';
    for (let level = 0; level < 40; level += 1) deep = { level: deep };
    for (const body of [
      { ...alert, unknownField: '\u0000' },
      { ...alert, details: { ['\ud800']: 1 } },
      { ...alert, details: deep },
    ]) {
      expect(outcome(() => validateGenericAlert(body))).toEqual(
        outcome(() => validatePayload<object>(GenericAlertDto, body)),
      );
      expect(() => validateGenericAlert(body)).toThrow(BadRequestException);
    }
  });
});
