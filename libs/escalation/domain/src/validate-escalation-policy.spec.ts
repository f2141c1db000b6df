import {
  checkEscalationPolicy,
  InvalidEscalationPolicyError,
  normalizeEscalationPolicy,
  validateEscalationPolicy,
} from './validate-escalation-policy';
import { schedule, team, user } from './testing/escalation.fixtures';

const ALICE = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const PRIMARY = '33333333-3333-4333-8333-333333333333';
const NETWORK = '44444444-4444-4444-8444-444444444444';

const aPolicy = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'Servers 24/7',
  repeatCount: 2,
  steps: [
    { delayMinutes: 5, targets: [schedule(PRIMARY)] },
    { delayMinutes: 15, targets: [user(ALICE), user(BOB)] },
  ],
  ...fields,
});
const withStep = (index: number, step: Record<string, unknown>) => {
  const steps = [...(aPolicy().steps as Record<string, unknown>[])];
  steps[index] = { ...steps[index], ...step };
  return aPolicy({ steps });
};
const withTargets = (targets: unknown[]) => withStep(1, { targets });
const problemsOf = (input: unknown) =>
  validateEscalationPolicy(input).map(({ path, message }) => `${path}: ${message}`);

describe('checkEscalationPolicy', () => {
  it('given a well-formed policy, then it answers it normalized: trimmed, defaults filled, ids in lower case', () => {
    const input = {
      name: '  Servers 24/7 ',
      steps: [{ delayMinutes: 1440, targets: [user(ALICE.toUpperCase())] }],
    };
    expect(checkEscalationPolicy(input)).toEqual({
      ok: true,
      definition: {
        name: 'Servers 24/7',
        description: '',
        repeatCount: 0,
        steps: [{ delayMinutes: 1440, targets: [user(ALICE)] }],
      },
    });
  });

  it('given the limits themselves (20 steps of 10 targets, repeat 9, 1 minute), then there are no problems', () => {
    const targets = Array.from({ length: 10 }, (_, i) => ({ type: 'user', id: `${ALICE.slice(0, -2)}${10 + i}` }));
    const steps = Array.from({ length: 20 }, () => ({ delayMinutes: 1, targets }));
    expect(problemsOf(aPolicy({ steps, repeatCount: 9, name: 'x'.repeat(200), description: 'd'.repeat(2000) }))).toEqual([]);
  }); // prettier-ignore

  it('keeps the order of steps and targets, and the same target on several steps', () => {
    const steps = [
      { delayMinutes: 5, targets: [user(BOB), schedule(PRIMARY)] },
      { delayMinutes: 5, targets: [user(BOB)] },
    ];
    expect(normalizeEscalationPolicy(aPolicy({ steps, description: ' Night ' }))).toEqual({
      name: 'Servers 24/7', description: 'Night', repeatCount: 2, steps,
    });
  }); // prettier-ignore

  it.each([
    { case: 'no name', input: aPolicy({ name: undefined }), problem: 'name: must be a text of 1 to 200 characters, got nothing' },
    { case: 'a blank name', input: aPolicy({ name: '   ' }), problem: 'name: must be 1 to 200 characters (trimmed), got 0' },
    { case: 'a name of 201 characters', input: aPolicy({ name: 'n'.repeat(201) }), problem: 'name: must be 1 to 200 characters (trimmed), got 201' },
    { case: 'a description that is not text', input: aPolicy({ description: 7 }), problem: 'description: must be a text of 0 to 2000 characters, got 7' },
    { case: 'repeatCount 10', input: aPolicy({ repeatCount: 10 }), problem: 'repeatCount: must be a whole number from 0 to 9 (times the policy runs again after the last step), got 10' },
    { case: 'a negative repeatCount', input: aPolicy({ repeatCount: -1 }), problem: 'repeatCount: must be a whole number from 0 to 9 (times the policy runs again after the last step), got -1' },
    { case: 'repeatCount as text', input: aPolicy({ repeatCount: '2' }), problem: 'repeatCount: must be a whole number from 0 to 9 (times the policy runs again after the last step), got "2"' },
    { case: 'no steps', input: aPolicy({ steps: [] }), problem: 'steps: must list 1 to 20 steps, got 0' },
    { case: '21 steps', input: aPolicy({ steps: Array.from({ length: 21 }, () => ({ delayMinutes: 5, targets: [user(ALICE)] })) }), problem: 'steps: must list 1 to 20 steps, got 21' },
    { case: 'steps that are not a list', input: aPolicy({ steps: { delayMinutes: 5 } }), problem: 'steps: must be a list of steps' },
    { case: 'a step that is not an object', input: aPolicy({ steps: ['page everyone'] }), problem: 'steps[0]: must be an object with delayMinutes and targets' },
    { case: 'a delay of 0 minutes', input: withStep(1, { delayMinutes: 0 }), problem: 'steps[1].delayMinutes: must be a whole number of minutes from 1 to 1440, got 0' },
    { case: 'a delay of 1441 minutes', input: withStep(0, { delayMinutes: 1441 }), problem: 'steps[0].delayMinutes: must be a whole number of minutes from 1 to 1440, got 1441' },
    { case: 'a fractional delay', input: withStep(0, { delayMinutes: 2.5 }), problem: 'steps[0].delayMinutes: must be a whole number of minutes from 1 to 1440, got 2.5' },
    { case: 'a step without targets', input: withTargets([]), problem: 'steps[1].targets: must list 1 to 10 targets, got 0' },
    { case: 'targets that are not a list', input: withStep(0, { targets: ALICE }), problem: 'steps[0].targets: must be a list of targets ({type: user | schedule | team, id})' },
    { case: '11 targets', input: withTargets(Array.from({ length: 11 }, (_, i) => ({ type: 'user', id: `${ALICE.slice(0, -2)}${10 + i}` }))), problem: 'steps[1].targets: must list 1 to 10 targets, got 11' },
    { case: 'a target that is not an object', input: withTargets([ALICE]), problem: 'steps[1].targets[0]: must be an object {type: user | schedule | team, id}' },
    { case: 'a group target', input: withTargets([{ type: 'group', id: ALICE }]), problem: `steps[1].targets[0].type: must be 'user', 'schedule' or 'team', got "group"` },
    { case: 'a team id that is not a UUID', input: withTargets([team('network')]), problem: 'steps[1].targets[0].id: must be the UUID of a team, got "network"' },
    { case: 'the same team twice in a step', input: withTargets([team(NETWORK), team(NETWORK.toUpperCase())]),
      problem: `steps[1].targets[1]: duplicates steps[1].targets[0] (team ${NETWORK}); list a target once` },
    { case: 'an unknown strategy', input: withStep(0, { strategy: 'random' }), problem: `steps[0].strategy: must be 'all' or 'round-robin', got "random"` },
    { case: 'a user id that is not a UUID', input: withTargets([user(ALICE), user('alice')]), problem: 'steps[1].targets[1].id: must be the UUID of a user, got "alice"' },
    { case: 'a schedule without id', input: withTargets([{ type: 'schedule' }]), problem: 'steps[1].targets[0].id: must be the UUID of a schedule, got nothing' },
    { case: 'the same user twice in a step', input: withTargets([user(ALICE), user(BOB), user(ALICE.toUpperCase())]),
      problem: `steps[1].targets[2]: duplicates steps[1].targets[0] (user ${ALICE}); list a target once` },
    { case: 'the same schedule twice in a step', input: withStep(0, { targets: [schedule(PRIMARY), schedule(PRIMARY)] }),
      problem: `steps[0].targets[1]: duplicates steps[0].targets[0] (schedule ${PRIMARY}); list a target once` },
    { case: 'an unknown policy field', input: aPolicy({ loops: 2 }), problem: 'loops: is not a field of a policy (it has name, description, repeatCount, steps)' },
    { case: 'an unknown step field', input: withStep(0, { delay: 5 }), problem: 'steps[0].delay: is not a field of a step (it has delayMinutes, targets, strategy)' },
    { case: 'an unknown target field', input: withTargets([{ type: 'user', id: ALICE, name: 'Alice' }]), problem: 'steps[1].targets[0].name: is not a field of a target (it has type, id)' },
  ])('given $case, then it reports: $problem', ({ input, problem }) => {
    expect(problemsOf(input)).toEqual([problem]);
  }); // prettier-ignore

  it('given team targets and strategies, then it keeps round-robin and drops the default all', () => {
    const steps = [
      { delayMinutes: 5, targets: [team(NETWORK.toUpperCase())], strategy: 'all' },
      { delayMinutes: 5, targets: [user(ALICE), team(NETWORK)], strategy: 'round-robin' },
      { delayMinutes: 5, targets: [schedule(PRIMARY)], strategy: null },
    ];
    expect(normalizeEscalationPolicy(aPolicy({ steps })).steps).toEqual([
      { delayMinutes: 5, targets: [team(NETWORK)] },
      { delayMinutes: 5, targets: [user(ALICE), team(NETWORK)], strategy: 'round-robin' },
      { delayMinutes: 5, targets: [schedule(PRIMARY)] },
    ]);
  }); // prettier-ignore

  it('given a user and a schedule with the same id in one step, then both are kept (they are different targets)', () => {
    expect(problemsOf(withTargets([user(ALICE), schedule(ALICE)]))).toEqual([]);
  }); // prettier-ignore

  it('given something that is not an object, then it names the definition', () => {
    expect(problemsOf(null)).toEqual(['definition: must be an object with name, repeatCount and steps']);
    expect(problemsOf([aPolicy()])).toEqual([
      'definition: must be an object with name, repeatCount and steps',
    ]);
  });

  it('given several mistakes, then normalizeEscalationPolicy throws them all, in field order', () => {
    const input = aPolicy({
      name: '',
      repeatCount: 12,
      steps: [{ delayMinutes: 0, targets: [user('x')] }, { targets: [] }],
    });
    const error = captureError(() => normalizeEscalationPolicy(input)) as InvalidEscalationPolicyError;
    expect(error).toBeInstanceOf(InvalidEscalationPolicyError);
    expect(error.problems.map((problem) => problem.path)).toEqual([
      'name',
      'repeatCount',
      'steps[0].delayMinutes',
      'steps[0].targets[0].id',
      'steps[1].delayMinutes',
      'steps[1].targets',
    ]);
    expect(error.message).toContain('steps[0].targets[0].id must be the UUID of a user, got "x"');
  });
});

function captureError(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
