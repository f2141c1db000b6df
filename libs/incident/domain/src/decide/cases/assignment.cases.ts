import { type DecideMatrix, emits, nothing, refused } from '../../testing/decide-matrix';
import type { ReassignTarget } from '../../incident.commands';
import { bob, command, event, policy, T, triggered } from '../../testing/incident.fixtures';

const level = (n: number) => ({ kind: 'escalation-level', level: n }) as const;
const toCarol: ReassignTarget = { kind: 'users', userIds: ['carol'] };

const reassign = (to: ReassignTarget) => command('ReassignIncident', { to }, bob);
const reassigned = (from: ReassignTarget, to: ReassignTarget) =>
  event('IncidentReassigned', { by: bob, at: T.now, from, to });
const reassignedToCarol = reassigned(level(1), toCarol);

const escalate = (by = bob, fromLevel = 1) =>
  command('EscalateIncident', { fromLevel, toLevel: fromLevel + 1 }, by);
const escalated = (by = bob) =>
  event('IncidentEscalated', { by, at: T.now, escalationPolicyId: 'ep-1', fromLevel: 1, toLevel: 2 });
const escalatedToTwo = event('IncidentEscalated', {
  by: policy,
  at: T.acknowledged,
  escalationPolicyId: 'ep-1',
  fromLevel: 1,
  toLevel: 2,
});

export const assignmentCases: DecideMatrix = {
  ReassignIncident: {
    none: [{ name: 'refused', when: reassign(toCarol), then: refused('INCIDENT_NOT_FOUND') }],
    triggered: [
      {
        name: 'to a user (drops out of the policy)',
        when: reassign(toCarol),
        then: emits(reassignedToCarol),
      },
      {
        name: 'to another escalation level',
        when: reassign(level(3)),
        then: emits(reassigned(level(1), level(3))),
      },
      { name: 'to the level it is already at changes nothing', when: reassign(level(1)), then: nothing },
      {
        name: 'to the same users, in another order, changes nothing',
        given: [triggered, reassigned(level(1), { kind: 'users', userIds: ['carol', 'dave'] })],
        when: reassign({ kind: 'users', userIds: ['dave', 'carol', 'dave'] }),
        then: nothing,
      },
    ],
    acknowledged: [
      { name: 'to a user: back to triggered', when: reassign(toCarol), then: emits(reassignedToCarol) },
      {
        name: 'even to the same level it is re-triggered, so the level is paged again',
        when: reassign(level(1)),
        then: emits(reassigned(level(1), level(1))),
      },
    ],
    snoozed: [{ name: 'cancels the snooze', when: reassign(toCarol), then: emits(reassignedToCarol) }],
    resolved: [{ name: 'refused', when: reassign(toCarol), then: refused('INCIDENT_RESOLVED') }],
  },
  EscalateIncident: {
    none: [{ name: 'refused', when: escalate(), then: refused('INCIDENT_NOT_FOUND') }],
    triggered: [
      { name: 'by the policy timer', when: escalate(policy), then: emits(escalated(policy)) },
      { name: 'by a person', when: escalate(bob), then: emits(escalated(bob)) },
      {
        name: 'a person based on a level it has left is refused (no double escalation)',
        given: [triggered, escalatedToTwo],
        when: escalate(bob, 1),
        then: refused('STALE_ESCALATION'),
      },
      {
        name: 'a stale policy timer changes nothing',
        given: [triggered, escalatedToTwo],
        when: escalate(policy, 1),
        then: nothing,
      },
      {
        name: 'a person, when assigned directly to users, is refused',
        given: [triggered, reassignedToCarol],
        when: escalate(bob),
        then: refused('INVALID_TRANSITION'),
      },
      {
        name: 'the policy timer, when assigned directly to users, changes nothing',
        given: [triggered, reassignedToCarol],
        when: escalate(policy),
        then: nothing,
      },
    ],
    acknowledged: [
      {
        name: 'the policy timer does not escalate an acknowledged incident',
        when: escalate(policy),
        then: nothing,
      },
      {
        name: 'a person escalates it: back to triggered at the next level',
        when: escalate(bob),
        then: emits(escalated()),
      },
    ],
    snoozed: [
      {
        name: 'the policy timer does not escalate a snoozed incident',
        when: escalate(policy),
        then: nothing,
      },
      { name: 'a person escalates it: snooze cancelled', when: escalate(bob), then: emits(escalated()) },
    ],
    resolved: [
      { name: 'the policy timer changes nothing', when: escalate(policy), then: nothing },
      { name: 'a person is refused', when: escalate(bob), then: refused('INCIDENT_RESOLVED') },
    ],
  },
};
