import { bodyOf, draftOf, draftProblems, emptyStep, type PolicyDraft } from './policy-draft';

const USER = '5e7a1c2e-0d1f-4c55-9f0a-0000000000a1';
const SCHEDULE = '5e7a1c2e-0d1f-4c55-9f0a-0000000000b1';

function draft(overrides: Partial<PolicyDraft> = {}): PolicyDraft {
  return {
    name: 'Servers',
    description: '',
    repeatCount: '1',
    steps: [
      { delayMinutes: '15', strategy: 'all', targets: [{ type: 'schedule', id: SCHEDULE }] },
      { delayMinutes: '30', strategy: 'round-robin', targets: [{ type: 'user', id: USER }] },
    ],
    ...overrides,
  };
}

describe('escalation policy draft', () => {
  it('sends what the API takes', () => {
    expect(bodyOf(draft(), 3)).toEqual({
      name: 'Servers',
      description: undefined,
      repeatCount: 1,
      steps: [
        { delayMinutes: 15, strategy: 'all', targets: [{ type: 'schedule', id: SCHEDULE }] },
        { delayMinutes: 30, strategy: 'round-robin', targets: [{ type: 'user', id: USER }] },
      ],
      expectedVersion: 3,
    });
  });

  it('finds nothing wrong with a good draft', () => {
    expect(draftProblems(draft())).toEqual({});
  });

  it.each([
    [{ name: ' ' }, 'name'],
    [{ repeatCount: '10' }, 'repeatCount'],
    [{ repeatCount: '1.5' }, 'repeatCount'],
    [{ steps: [] }, 'steps'],
    [
      { steps: [{ ...emptyStep(), delayMinutes: '0', targets: [{ type: 'user' as const, id: USER }] }] },
      'steps.0.delayMinutes',
    ],
    [
      { steps: [{ ...emptyStep(), delayMinutes: '1441', targets: [{ type: 'user' as const, id: USER }] }] },
      'steps.0.delayMinutes',
    ],
    [{ steps: [emptyStep()] }, 'steps.0.targets'],
    [
      {
        steps: [
          {
            ...emptyStep(),
            targets: [
              { type: 'user' as const, id: USER },
              { type: 'user' as const, id: USER },
            ],
          },
        ],
      },
      'steps.0.targets',
    ],
  ])('names the field at fault for %j', (overrides, field) => {
    expect(Object.keys(draftProblems(draft(overrides)))).toEqual([field]);
  });

  it('round-trips a stored policy', () => {
    const stored = { id: 'p', version: 2, ...bodyOf(draft()), description: 'x' };
    expect(bodyOf(draftOf(stored))).toEqual({ ...bodyOf(draft()), description: 'x' });
  });
});
