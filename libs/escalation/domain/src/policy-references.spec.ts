import { EscalationPolicyDefinition } from './escalation-policy.types';
import { stepNumbersBySchedule, targetReferences } from './policy-references';

const policy: EscalationPolicyDefinition = {
  name: 'Servers',
  repeatCount: 0,
  steps: [
    { delayMinutes: 5, targets: [{ type: 'schedule', id: 'primary' }] },
    {
      delayMinutes: 10,
      targets: [
        { type: 'schedule', id: 'secondary' },
        { type: 'user', id: 'alice' },
      ],
    },
    {
      delayMinutes: 15,
      targets: [
        { type: 'schedule', id: 'primary' },
        { type: 'user', id: 'alice' },
      ],
    },
  ],
};

describe('policy references', () => {
  it('lists every target with the field that names it', () => {
    expect(targetReferences(policy)).toEqual([
      { type: 'schedule', id: 'primary', path: 'steps[0].targets[0].id' },
      { type: 'schedule', id: 'secondary', path: 'steps[1].targets[0].id' },
      { type: 'user', id: 'alice', path: 'steps[1].targets[1].id' },
      { type: 'schedule', id: 'primary', path: 'steps[2].targets[0].id' },
      { type: 'user', id: 'alice', path: 'steps[2].targets[1].id' },
    ]);
  });

  it('numbers the steps paging each schedule from 1, like escalation levels', () => {
    expect(Object.fromEntries(stepNumbersBySchedule(policy))).toEqual({ primary: [1, 3], secondary: [2] });
  });

  it('answers no schedules for a policy of users only', () => {
    const users: EscalationPolicyDefinition = {
      ...policy,
      steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: 'alice' }] }],
    };
    expect(stepNumbersBySchedule(users).size).toBe(0);
  });
});
