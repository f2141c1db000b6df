import {
  ackTimeoutDue,
  acknowledged,
  reassignedToUsers,
  stepDue,
  triggered,
  unacknowledged,
} from '../../testing/escalation.fixtures';
import { inPhases, type DecideMatrix } from '../../testing/escalation-matrix';

const nothingToRestart = [
  { name: 'not acknowledged: nothing to restart', when: unacknowledged('handed-back', 20, 3), then: [] },
];
const noAcknowledgement = [
  { name: 'no acknowledgement is running out', when: ackTimeoutDue(3, 33), then: [] },
];

// prettier-ignore
export const acknowledgementCases: DecideMatrix = {
  Acknowledged: {
    none: [{ name: 'an incident the engine never started changes nothing', when: acknowledged(3, 2), then: [] }],
    held: [
      { name: 'acknowledged while held: nothing will page; the acknowledgement timeout starts', when: acknowledged(30, 2), then: [
        'cancel HoldEnded', 'stopped G1 (acknowledged)', 'timer AckTimeoutDue of +30m due +60m'] },
    ],
    escalating: [
      { name: 'the step timer is cancelled and the acknowledgement timeout starts', when: acknowledged(3, 2), then: [
        'cancel StepDue', 'stopped G1 (acknowledged)', 'timer AckTimeoutDue of +3m due +33m'] },
      { name: 'without an acknowledgement timeout nothing is timed', given: [triggered({ timeouts: { ackTimeoutSeconds: null, autoResolveSeconds: null } })], when: acknowledged(3, 2), then: [
        'cancel StepDue', 'stopped G1 (acknowledged)'] },
      { name: 'low urgency had no step timer to cancel', given: [triggered({ urgencyRule: { kind: 'severity-based' }, severity: 'info' })], when: acknowledged(3, 2), then: [
        'stopped G1 (acknowledged)', 'timer AckTimeoutDue of +3m due +33m'] },
    ],
    acknowledged: [
      { name: 'a colleague takes it over: the acknowledgement timeout starts again (the new timer replaces the old)', when: acknowledged(10, 3), then: [
        'stopped G1 (acknowledged)', 'timer AckTimeoutDue of +10m due +40m'] },
      { name: 'a redelivered acknowledgement changes nothing', when: acknowledged(3, 2), then: [] },
    ],
    unanswered: [
      { name: 'acknowledged after nobody answered: the acknowledgement timeout starts', when: acknowledged(70, 2), then: [
        'stopped G1 (acknowledged)', 'timer AckTimeoutDue of +70m due +100m'] },
    ],
    users: [
      { name: 'acknowledged by the assigned user', when: acknowledged(5, 3), then: [
        'stopped G2 (acknowledged)', 'timer AckTimeoutDue of +5m due +35m'] },
    ],
    resolved: [{ name: 'a late acknowledgement changes nothing', when: acknowledged(9, 3), then: [] }],
  },
  Unacknowledged: {
    ...inPhases(['none', 'held', 'escalating', 'unanswered', 'users'], nothingToRestart),
    acknowledged: [
      { name: 'handed back: a new walk from step 1 of cycle 1', when: unacknowledged('handed-back', 20, 3), then: [
        'cancel AckTimeoutDue', 'restarted G2 (handed-back) from L1 C1', 'page L1 C1 G2 high: alice', 'timer StepDue L1 C1 G2 due +25m'] },
      { name: 'the acknowledgement timed out in cycle 2: the new walk still starts at step 1 of cycle 1',
        given: [triggered(), stepDue(1, 1, 5), stepDue(2, 1, 15), stepDue(3, 1, 30), acknowledged(32, 2)], when: unacknowledged('ack-timeout', 62, 3), then: [
        'cancel AckTimeoutDue', 'restarted G2 (ack-timeout) from L1 C1', 'page L1 C1 G2 high: alice', 'timer StepDue L1 C1 G2 due +67m'] },
      { name: 'assigned to users, the snooze ended: they are paged again',
        given: [triggered(), reassignedToUsers(['erin'], 3, 2), acknowledged(5, 3)], when: unacknowledged('snooze-ended', 65, 4), then: [
        'cancel AckTimeoutDue', 'restarted G3 (snooze-ended) from users erin', 'page users G3 high: erin'] },
      { name: 'an event older than the acknowledgement changes nothing', when: unacknowledged('handed-back', 2, 2), then: [] },
    ],
    resolved: nothingToRestart,
  },
  AckTimeoutDue: {
    ...inPhases(['none', 'held', 'unanswered', 'users', 'resolved'], noAcknowledgement),
    escalating: [
      { name: 'handed back since: the timer is stale', given: [triggered(), acknowledged(3, 2), unacknowledged('handed-back', 10, 3)], when: ackTimeoutDue(3, 33), then: [] },
    ],
    acknowledged: [
      { name: 'asks incident-state to unacknowledge, naming the acknowledgement', when: ackTimeoutDue(3, 33), then: [
        'command unacknowledge (ack-timeout of +3m)'] },
      { name: 'a timer of an earlier acknowledgement is stale', given: [triggered(), acknowledged(3, 2), acknowledged(10, 3)], when: ackTimeoutDue(3, 33), then: [] },
    ],
  },
};
