import {
  ackTimeoutDue,
  acknowledged,
  ALL_STEPS_RUN_OUT,
  context,
  INCIDENT,
  ORG,
  POLICY,
  POLICY_WITH_GAPS,
  replay,
  stepDue,
  t,
  T0,
  triggered,
  unacknowledged,
} from '../testing/escalation.fixtures';
import { simulateEscalation } from '../testing/simulate-escalation';
import { decide } from './decide';
import { decisionKey } from './decision-keys';
import { decideAndEvolve } from './escalation.decider';
import { initialEscalationState } from './escalation.state';

// The matrix describes decisions in short; these pin down the data the service performs.
describe('what the decisions carry', () => {
  it('a trigger records the snapshot, pages step 1 and times it; the state is the walk at step 1', () => {
    const { decisions, state } = decideAndEvolve(triggered(), initialEscalationState, context);
    expect(decisions).toEqual([
      {
        kind: 'record',
        fact: {
          type: 'EscalationStarted', incidentId: INCIDENT, orgId: ORG, at: T0, generation: 1, incidentVersion: 1,
          policy: POLICY, severity: 'critical', urgencyRule: { kind: 'constant', urgency: 'high' }, urgency: 'high',
          timeouts: { ackTimeoutSeconds: 1800, autoResolveSeconds: null },
        },
      },
      {
        kind: 'page', incidentId: INCIDENT, orgId: ORG, generation: 1, level: 1, cycle: 1, urgency: 'high', at: T0,
        recipients: [{
          userId: 'alice', reason: 'step 1, on call in Technicians 24/7', idempotencyKey: 'inc-1:1:1:1:alice',
          sources: [{ type: 'schedule', scheduleId: 'technicians', scheduleName: 'Technicians 24/7' }],
        }],
      },
      { kind: 'schedule', timer: { type: 'StepDue', incidentId: INCIDENT, due: t(5), generation: 1, level: 1, cycle: 1 } },
    ]);
    expect(state).toEqual({
      phase: 'escalating', incidentId: INCIDENT, orgId: ORG, policy: POLICY, severity: 'critical',
      urgencyRule: { kind: 'constant', urgency: 'high' }, urgency: 'high',
      timeouts: { ackTimeoutSeconds: 1800, autoResolveSeconds: null }, generation: 1, position: { level: 1, cycle: 1 },
      assignedUserIds: null, heldUntil: null, acknowledgedAt: null, roundRobinOffsets: {}, lastIncidentVersion: 1,
    });
  }); // prettier-ignore

  it('a team step pages each member with the team as the reason', () => {
    const [page] = decide(stepDue(1, 1, 5), replay([triggered()]), context);
    expect(page).toMatchObject({ level: 2, cycle: 1, at: t(5) });
    expect(page.kind === 'page' && page.recipients).toEqual([
      { userId: 'bob', reason: 'step 2, member of team Network', idempotencyKey: 'inc-1:1:2:1:bob',
        sources: [{ type: 'team', teamId: 'network', teamName: 'Network', schedule: null }] },
      { userId: 'carol', reason: 'step 2, member of team Network', idempotencyKey: 'inc-1:1:2:1:carol',
        sources: [{ type: 'team', teamId: 'network', teamName: 'Network', schedule: null }] },
    ]);
  }); // prettier-ignore

  it('a skipped step names the targets that reached nobody', () => {
    const [, skipped] = decide(triggered({ policy: POLICY_WITH_GAPS }), initialEscalationState, context);
    expect(skipped).toEqual({
      kind: 'record',
      fact: { type: 'StepSkipped', incidentId: INCIDENT, orgId: ORG, at: T0, generation: 1, level: 1, cycle: 1,
        unresolved: [{ type: 'schedule', id: 'weekdays' }] },
    });
  }); // prettier-ignore

  it('unanswered: the fact and the managers’ page', () => {
    const state = replay([triggered(), ...ALL_STEPS_RUN_OUT.slice(0, -1)]);
    expect(decide(stepDue(3, 2, 60), state, context)).toEqual([
      { kind: 'record', fact: { type: 'EscalationUnanswered', incidentId: INCIDENT, orgId: ORG, at: t(60), generation: 1, cycles: 2 } },
      { kind: 'notify-managers', incidentId: INCIDENT, orgId: ORG, generation: 1, at: t(60), reason: 'unanswered' },
    ]);
  }); // prettier-ignore

  it('the acknowledgement timeout carries the acknowledgement it was started for, to the timer and the command', () => {
    const [, , timer] = decide(acknowledged(3, 2), replay([triggered()]), context);
    expect(timer).toEqual({
      kind: 'schedule',
      timer: { type: 'AckTimeoutDue', incidentId: INCIDENT, due: t(33), acknowledgedAt: t(3) },
    });
    expect(decide(ackTimeoutDue(3, 33), replay([triggered(), acknowledged(3, 2)]), context)).toEqual([
      {
        kind: 'command',
        command: { type: 'UnacknowledgeIncident', incidentId: INCIDENT, orgId: ORG, at: t(33), reason: 'ack-timeout', acknowledgedAt: t(3) },
      },
    ]);
  }); // prettier-ignore

  it('keys are unique across a walk, its restart and its second walk, so no page or fact is dropped as a repeat', () => {
    const events = [acknowledged(7, 2), unacknowledged('handed-back', 9, 3)];
    const { log } = simulateEscalation(triggered(), events, context);
    const keys = log
      .map(({ decision }) => decision)
      .flatMap((decision) =>
        decision.kind === 'page' ? decision.recipients.map((r) => r.idempotencyKey) : decision.kind === 'record' ? [decisionKey(decision)] : [],
      );
    expect(keys.length).toBeGreaterThan(10);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('inc-1:1:1:1:alice');
    expect(keys).toContain('inc-1:2:1:1:alice');
  }); // prettier-ignore

  it('an input for another incident is a handler bug, not a silent no-op', () => {
    expect(() =>
      decide({ ...stepDue(1, 1, 5), incidentId: 'inc-2' }, replay([triggered()]), context),
    ).toThrow('An input for incident inc-2 was decided on incident inc-1');
  });
});
