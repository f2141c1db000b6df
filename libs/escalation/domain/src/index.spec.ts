import * as escalation from './index';

describe('@oncall/escalation-domain public API', () => {
  it('exports the engine, target resolution, urgency and policy functions', () => {
    const functions = Object.entries(escalation)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(functions).toEqual([
      'InvalidEscalationPolicyError', 'checkEscalationPolicy', 'decideAndEvolve', 'decideEscalation', 'decisionKey',
      'evolveEscalation', 'isIncidentInput', 'isWithinSupportHours', 'nextSupportHoursStart', 'normalizeEscalationPolicy',
      'pagingHeldUntil', 'recipientKey', 'resolveStepTargets', 'snapshotPolicy', 'stepNumbersBySchedule', 'targetReferences',
      'urgencyAt', 'validateEscalationPolicy',
    ]);
    expect(escalation.escalationDecider.initialState()).toEqual({ phase: 'none' });
  }); // prettier-ignore
});
