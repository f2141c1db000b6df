import {
  BUSINESS_HOURS,
  NOBODY_POLICY,
  POLICY_WITH_GAPS,
  ROUND_ROBIN_POLICY,
  acknowledged,
  heldTrigger,
  holdEnded,
  stepDue,
  triggered,
  unacknowledged,
} from '../../testing/escalation.fixtures';
import { inPhases, type DecideMatrix } from '../../testing/escalation-matrix';

const redelivered = [{ name: 'a redelivered trigger changes nothing', when: triggered(), then: [] }];
const noStepFired = [
  { name: 'a step timer without a current step changes nothing', when: stepDue(1, 1, 5), then: [] },
];
const staleHold = [
  { name: 'a hold timer when nothing is held changes nothing', when: holdEnded(240), then: [] },
];

// prettier-ignore
export const startCases: DecideMatrix = {
  Triggered: {
    none: [
      { name: 'step 1 pages at once and its delay is timed', when: triggered(), then: [
        'started G1 high on ep-1 v4', 'page L1 C1 G1 high: alice', 'timer StepDue L1 C1 G1 due +5m'] },
      { name: 'auto-resolve is timed from the trigger', when: triggered({ timeouts: { ackTimeoutSeconds: null, autoResolveSeconds: 14400 } }), then: [
        'started G1 high on ep-1 v4', 'timer AutoResolveDue due +240m', 'page L1 C1 G1 high: alice', 'timer StepDue L1 C1 G1 due +5m'] },
      { name: 'low urgency outside support hours is held until they begin (04:00 → 08:00)', when: heldTrigger, then: [
        'started G1 low on ep-1 v4', 'held G1 until +240m', 'timer HoldEnded G1 due +240m'] },
      { name: 'high urgency outside support hours pages at once', when: triggered({ urgencyRule: { ...BUSINESS_HOURS, outside: 'high' } }), then: [
        'started G1 high on ep-1 v4', 'page L1 C1 G1 high: alice', 'timer StepDue L1 C1 G1 due +5m'] },
      { name: 'low urgency without support hours notifies step 1 and never escalates', when: triggered({ urgencyRule: { kind: 'severity-based' }, severity: 'warning' }), then: [
        'started G1 low on ep-1 v4', 'page L1 C1 G1 low: alice'] },
      { name: 'a step that reaches nobody is skipped and the next fires at once, timed by its own delay', when: triggered({ policy: POLICY_WITH_GAPS }), then: [
        'started G1 high on ep-1 v4', 'skipped L1 C1 G1: nobody on schedule weekdays', 'page L2 C1 G1 high: bob, carol', 'timer StepDue L2 C1 G1 due +10m'] },
      { name: 'when every step of every cycle reaches nobody, it is unanswered at once', when: triggered({ policy: NOBODY_POLICY }), then: [
        'started G1 high on ep-1 v4', 'skipped L1 C1 G1: nobody on schedule weekdays', 'skipped L2 C1 G1: nobody on user leaver',
        'skipped L1 C2 G1: nobody on schedule weekdays', 'skipped L2 C2 G1: nobody on user leaver', 'unanswered G1 after 2 cycles', 'notify managers G1 (unanswered)'] },
      { name: 'a service without a policy is unanswered at once', when: triggered({ policy: null }), then: [
        'started G1 high on no policy', 'unanswered G1 after 0 cycles', 'notify managers G1 (unanswered)'] },
      { name: 'a round-robin step uses the stored offset and moves it on for the next incident', when: triggered({ policy: ROUND_ROBIN_POLICY }), then: [
        'started G1 high on ep-rr v4', 'round robin L1 offset 1', 'page L1 C1 G1 high: bob', 'timer StepDue L1 C1 G1 due +5m'] },
    ],
    ...inPhases(['held', 'escalating', 'acknowledged', 'unanswered', 'users', 'resolved'], redelivered),
  },
  HoldEnded: {
    none: staleHold,
    held: [
      { name: 'support hours begin: step 1 pages at the urgency they give, and escalation is timed from them', when: holdEnded(240), then: [
        'released G1 high', 'page L1 C1 G1 high: alice', 'timer StepDue L1 C1 G1 due +245m'] },
      { name: 'a timer of another walk is stale', when: holdEnded(240, 2), then: [] },
    ],
    escalating: staleHold,
    acknowledged: [
      { name: 'acknowledged before the hours began: nothing pages', given: [heldTrigger, acknowledged(30, 2)], when: holdEnded(240), then: [] },
    ],
    ...inPhases(['unanswered', 'users', 'resolved'], staleHold),
  },
  StepDue: {
    none: noStepFired,
    held: noStepFired,
    escalating: [
      { name: 'step 1 ran out: step 2 pages and its delay is timed', when: stepDue(1, 1, 5), then: [
        'page L2 C1 G1 high: bob, carol', 'timer StepDue L2 C1 G1 due +15m'] },
      { name: 'the last step of cycle 1 ran out: step 1 pages again, in cycle 2', given: [triggered(), stepDue(1, 1, 5), stepDue(2, 1, 15)], when: stepDue(3, 1, 30), then: [
        'page L1 C2 G1 high: alice', 'timer StepDue L1 C2 G1 due +35m'] },
      { name: 'the last step of the last cycle ran out: unanswered, managers paged, nothing due', given: [triggered(), stepDue(1, 1, 5), stepDue(2, 1, 15), stepDue(3, 1, 30), stepDue(1, 2, 35), stepDue(2, 2, 45)], when: stepDue(3, 2, 60), then: [
        'unanswered G1 after 2 cycles', 'notify managers G1 (unanswered)'] },
      { name: 'a timer fired late times the next step from when it was due', when: stepDue(1, 1, 5, 1, 9), then: [
        'page L2 C1 G1 high: bob, carol', 'timer StepDue L2 C1 G1 due +15m'] },
      { name: 'a timer fired after the next delay had run out too (a stopped platform) times the next step from when it fired', when: stepDue(1, 1, 5, 1, 40), then: [
        'page L2 C1 G1 high: bob, carol', 'timer StepDue L2 C1 G1 due +50m'] },
      { name: 'skipping past the last step goes on into the next cycle at once', given: [triggered({ policy: POLICY_WITH_GAPS })], when: stepDue(2, 1, 10), then: [
        'skipped L3 C1 G1: nobody on user leaver', 'skipped L1 C2 G1: nobody on schedule weekdays', 'page L2 C2 G1 high: bob, carol', 'timer StepDue L2 C2 G1 due +20m'] },
      { name: 'round robin pages the next target in the next cycle, with the offset the incident took', given: [triggered({ policy: ROUND_ROBIN_POLICY }), stepDue(1, 1, 5)], when: stepDue(2, 1, 15), then: [
        'page L1 C2 G1 high: carol', 'timer StepDue L1 C2 G1 due +20m'] },
      { name: 'a redelivered timer of a step already passed is stale', given: [triggered(), stepDue(1, 1, 5)], when: stepDue(1, 1, 5), then: [] },
      { name: 'a timer of an earlier walk is stale', given: [triggered(), acknowledged(2, 2), unacknowledged('handed-back', 3, 3)], when: stepDue(1, 1, 5), then: [] },
    ],
    acknowledged: [{ name: 'acknowledged before it ran out: nothing escalates', when: stepDue(1, 1, 5), then: [] }],
    unanswered: [{ name: 'nothing pages after unanswered', when: stepDue(3, 2, 60), then: [] }],
    users: [{ name: 'assigned to users: the policy no longer applies', when: stepDue(1, 1, 5), then: [] }],
    resolved: noStepFired,
  },
};
