import type { EscalationStepDefinition } from './escalation-policy.types';
import { snapshotPolicy } from './policy-snapshot';

describe('snapshotPolicy', () => {
  const steps: EscalationStepDefinition[] = [
    { delayMinutes: 5, targets: [{ type: 'schedule', id: 'primary' }] },
    { delayMinutes: 10, targets: [{ type: 'team', id: 'network' }], strategy: 'round-robin' },
  ];
  const policy = { id: 'ep-1', version: 3, name: 'Servers', repeatCount: 1, steps };

  it('numbers the steps as levels and writes the default strategy out', () => {
    expect(snapshotPolicy(policy)).toEqual({
      id: 'ep-1',
      version: 3,
      name: 'Servers',
      repeatCount: 1,
      steps: [
        { level: 1, delayMinutes: 5, targets: [{ type: 'schedule', id: 'primary' }], strategy: 'all' },
        { level: 2, delayMinutes: 10, targets: [{ type: 'team', id: 'network' }], strategy: 'round-robin' },
      ],
    });
  });

  it('is a copy: editing the policy afterwards does not change it', () => {
    const snapshot = snapshotPolicy(policy);
    steps[0].targets.push({ type: 'user', id: 'alice' });
    steps[1].delayMinutes = 30;
    expect(snapshot.steps[0].targets).toEqual([{ type: 'schedule', id: 'primary' }]);
    expect(snapshot.steps[1].delayMinutes).toBe(10);
  });
});
