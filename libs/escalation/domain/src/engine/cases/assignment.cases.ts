import {
  manuallyEscalated,
  reassignedToLevel,
  reassignedToUsers,
  stepDue,
  triggered,
} from '../../testing/escalation.fixtures';
import type { DecideMatrix } from '../../testing/escalation-matrix';

const late = 'after resolution it changes nothing';

// prettier-ignore
export const assignmentCases: DecideMatrix = {
  ReassignedToLevel: {
    none: [{ name: 'an incident the engine never started changes nothing', when: reassignedToLevel(2, 3, 2), then: [] }],
    held: [
      { name: 'a person reassigned it: that step pages now, at the incident’s low urgency', when: reassignedToLevel(2, 30, 2), then: [
        'cancel HoldEnded', 'restarted G2 (reassigned) from L2 C1', 'page L2 C1 G2 low: bob, carol'] },
    ],
    escalating: [
      { name: 'a new walk from that step', when: reassignedToLevel(3, 2, 2), then: [
        'cancel StepDue', 'restarted G2 (reassigned) from L3 C1', 'page L3 C1 G2 high: dave', 'timer StepDue L3 C1 G2 due +17m'] },
      { name: 'a level beyond the policy means its last step', when: reassignedToLevel(9, 2, 2), then: [
        'cancel StepDue', 'restarted G2 (reassigned) from L3 C1', 'page L3 C1 G2 high: dave', 'timer StepDue L3 C1 G2 due +17m'] },
    ],
    acknowledged: [
      { name: 'back to triggered at that step', when: reassignedToLevel(2, 10, 3), then: [
        'cancel AckTimeoutDue', 'restarted G2 (reassigned) from L2 C1', 'page L2 C1 G2 high: bob, carol', 'timer StepDue L2 C1 G2 due +20m'] },
    ],
    unanswered: [
      { name: 'a new walk with fresh repeats', when: reassignedToLevel(1, 70, 2), then: [
        'restarted G2 (reassigned) from L1 C1', 'page L1 C1 G2 high: alice', 'timer StepDue L1 C1 G2 due +75m'] },
    ],
    users: [
      { name: 'back on the policy', when: reassignedToLevel(1, 10, 3), then: [
        'restarted G3 (reassigned) from L1 C1', 'page L1 C1 G3 high: alice', 'timer StepDue L1 C1 G3 due +15m'] },
    ],
    resolved: [{ name: late, when: reassignedToLevel(1, 10, 3), then: [] }],
  },
  ReassignedToUsers: {
    none: [{ name: 'an incident the engine never started changes nothing', when: reassignedToUsers(['erin'], 3, 2), then: [] }],
    held: [
      { name: 'they are paged now, at the incident’s low urgency', when: reassignedToUsers(['erin'], 30, 2), then: [
        'cancel HoldEnded', 'restarted G2 (reassigned) from users erin', 'page users G2 low: erin'] },
    ],
    escalating: [
      { name: 'exactly those users are paged, each once, and nothing escalates after', when: reassignedToUsers(['erin', 'dave', 'erin'], 3, 2), then: [
        'cancel StepDue', 'restarted G2 (reassigned) from users erin, dave', 'page users G2 high: erin, dave'] },
    ],
    acknowledged: [
      { name: 'back to triggered, paging them', when: reassignedToUsers(['erin'], 10, 3), then: [
        'cancel AckTimeoutDue', 'restarted G2 (reassigned) from users erin', 'page users G2 high: erin'] },
    ],
    unanswered: [
      { name: 'they are paged', when: reassignedToUsers(['erin'], 70, 2), then: [
        'restarted G2 (reassigned) from users erin', 'page users G2 high: erin'] },
    ],
    users: [
      { name: 'someone else now', when: reassignedToUsers(['dave'], 10, 3), then: [
        'restarted G3 (reassigned) from users dave', 'page users G3 high: dave'] },
    ],
    resolved: [{ name: late, when: reassignedToUsers(['dave'], 10, 3), then: [] }],
  },
  ManuallyEscalated: {
    none: [{ name: 'an incident the engine never started changes nothing', when: manuallyEscalated(2, 3, 2), then: [] }],
    held: [
      { name: 'that step pages now, at the incident’s low urgency', when: manuallyEscalated(2, 30, 2), then: [
        'cancel HoldEnded', 'restarted G2 (escalated) from L2 C1', 'page L2 C1 G2 low: bob, carol'] },
    ],
    escalating: [
      { name: 'that step fires at once and the walk continues from it', when: manuallyEscalated(2, 2, 2), then: [
        'cancel StepDue', 'restarted G2 (escalated) from L2 C1', 'page L2 C1 G2 high: bob, carol', 'timer StepDue L2 C1 G2 due +12m'] },
      { name: 'in cycle 2 it stays in cycle 2', given: [triggered(), stepDue(1, 1, 5), stepDue(2, 1, 15), stepDue(3, 1, 30)], when: manuallyEscalated(3, 32, 2), then: [
        'cancel StepDue', 'restarted G2 (escalated) from L3 C2', 'page L3 C2 G2 high: dave', 'timer StepDue L3 C2 G2 due +47m'] },
    ],
    acknowledged: [
      { name: 'back to triggered at that step', when: manuallyEscalated(2, 10, 3), then: [
        'cancel AckTimeoutDue', 'restarted G2 (escalated) from L2 C1', 'page L2 C1 G2 high: bob, carol', 'timer StepDue L2 C1 G2 due +20m'] },
    ],
    unanswered: [
      { name: 'that step of the last cycle pages; unanswered again if it runs out', when: manuallyEscalated(3, 70, 2), then: [
        'restarted G2 (escalated) from L3 C2', 'page L3 C2 G2 high: dave', 'timer StepDue L3 C2 G2 due +85m'] },
    ],
    users: [
      { name: 'back on the policy at that step, cycle 1', when: manuallyEscalated(2, 10, 3), then: [
        'restarted G3 (escalated) from L2 C1', 'page L2 C1 G3 high: bob, carol', 'timer StepDue L2 C1 G3 due +20m'] },
    ],
    resolved: [{ name: late, when: manuallyEscalated(2, 10, 3), then: [] }],
  },
};
