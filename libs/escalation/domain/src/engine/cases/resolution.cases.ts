import { autoResolveDue, resolved } from '../../testing/escalation.fixtures';
import { inPhases, type DecideMatrix } from '../../testing/escalation-matrix';

const open = ['held', 'escalating', 'acknowledged', 'unanswered', 'users'] as const;

// prettier-ignore
export const resolutionCases: DecideMatrix = {
  Resolved: {
    none: [{ name: 'an incident the engine never started changes nothing', when: resolved(8, 2), then: [] }],
    ...inPhases(open, [{ name: 'everything stops: its timers are deleted', when: resolved(80, 9), then: ['complete'] }]),
    resolved: [{ name: 'a redelivered resolution changes nothing', when: resolved(8, 2), then: [] }],
  },
  AutoResolveDue: {
    none: [{ name: 'an incident the engine never started changes nothing', when: autoResolveDue(240), then: [] }],
    ...inPhases(open, [{ name: 'asks incident-state to resolve it', when: autoResolveDue(240), then: ['command resolve (auto-resolve)'] }]),
    resolved: [{ name: 'resolved before: a late timer changes nothing', when: autoResolveDue(240), then: [] }],
  },
};
