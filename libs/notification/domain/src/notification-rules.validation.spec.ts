import { defaultRules } from './default-notification-rules';
import { checkNotificationRules } from './notification-rules.validation';
import { accountEmail, phone, slack } from './testing/notification.fixtures';

const methods = [accountEmail, slack, phone];
const step = (contactMethodId: string, delayMinutes: number) => ({ contactMethodId, delayMinutes });
const rules = (fields: Record<string, unknown> = {}) => ({
  high: [step('cm-account', 0), step('cm-slack', 0), step('cm-account', 5)],
  low: [step('cm-account', 0)],
  ...fields,
});
const problemsOf = (input: unknown) => {
  const check = checkNotificationRules(input, methods);
  return check.ok ? [] : check.problems.map(({ path, message }) => `${path}: ${message}`);
};

describe('checkNotificationRules', () => {
  it('answers well-formed rules with each urgency ordered by delay (stable for equal delays)', () => {
    const input = rules({ high: [step('cm-account', 5), step('cm-slack', 0), step('cm-account', 0)] });
    expect(checkNotificationRules(input, methods)).toEqual({
      ok: true,
      rules: {
        high: [step('cm-slack', 0), step('cm-account', 0), step('cm-account', 5)],
        low: [step('cm-account', 0)],
      },
    });
  });

  it('accepts the limits themselves: delays 0 and 1440, 10 steps', () => {
    const ten = Array.from({ length: 10 }, (_, i) => step('cm-account', i === 9 ? 1440 : i));
    expect(problemsOf(rules({ high: ten }))).toEqual([]);
  });

  it.each([
    { case: 'no low rules', input: rules({ low: undefined }), problem: 'low: must be a list of steps {contactMethodId, delayMinutes}' },
    { case: 'an empty list', input: rules({ high: [] }), problem: 'high: must list 1 to 10 steps, got 0' },
    { case: '11 steps', input: rules({ low: Array.from({ length: 11 }, (_, i) => step('cm-account', i)) }), problem: 'low: must list 1 to 10 steps, got 11' },
    { case: 'an unknown urgency', input: rules({ critical: [] }), problem: 'critical: is not an urgency (they are high, low)' },
    { case: 'a step that is not an object', input: rules({ low: ['email'] }), problem: 'low[0]: must be an object {contactMethodId, delayMinutes}' },
    { case: 'another person\'s contact method', input: rules({ low: [step('cm-bob', 0)] }), problem: `low[0].contactMethodId: must be the id of one of this person's contact methods, got "cm-bob"` },
    { case: 'a negative delay', input: rules({ low: [step('cm-account', -1)] }), problem: 'low[0].delayMinutes: must be a whole number of minutes from 0 to 1440, got -1' },
    { case: 'a delay over a day', input: rules({ low: [step('cm-account', 1441)] }), problem: 'low[0].delayMinutes: must be a whole number of minutes from 0 to 1440, got 1441' },
    { case: 'a fractional delay', input: rules({ low: [step('cm-account', 0.5)] }), problem: 'low[0].delayMinutes: must be a whole number of minutes from 0 to 1440, got 0.5' },
    { case: 'the same step twice', input: rules({ high: [step('cm-slack', 0), step('cm-account', 0), step('cm-slack', 0)] }), problem: 'high[2]: repeats high[0] (same contact method, same delay)' },
    { case: 'an unknown step field', input: rules({ low: [{ ...step('cm-account', 0), urgent: true }] }), problem: 'low[0].urgent: is not a field of a step (it has contactMethodId, delayMinutes)' },
  ])('given $case, then it reports: $problem', ({ input, problem }) => {
    expect(problemsOf(input)).toEqual([problem]);
  }); // prettier-ignore

  it('accepts the same method at two delays, and steps on channels not delivered yet', () => {
    expect(problemsOf(rules({ low: [step('cm-phone', 0), step('cm-phone', 10)] }))).toEqual([]);
  });

  it('accepts the default rules: high emails at 0 and 3 minutes, low at 0', () => {
    expect(checkNotificationRules(defaultRules('cm-account'), methods)).toEqual({
      ok: true,
      rules: { high: [step('cm-account', 0), step('cm-account', 3)], low: [step('cm-account', 0)] },
    });
  });

  it('refuses what is not an object', () => {
    expect(problemsOf([])).toEqual([
      'rules: must be an object with one list of steps per urgency (high, low)',
    ]);
  });
});
