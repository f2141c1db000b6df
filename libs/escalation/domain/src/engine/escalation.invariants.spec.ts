import fc from 'fast-check';
import {
  context,
  heldTrigger,
  INCIDENT,
  POLICY_WITH_GAPS,
  ROUND_ROBIN_POLICY,
  t,
  triggered,
} from '../testing/escalation.fixtures';
import { decide } from './decide';
import { decisionKey } from './decision-keys';
import type { EscalationInput, Triggered } from './escalation.inputs';
import { initialEscalationState, type EscalationState } from './escalation.state';
import { evolve } from './evolve';

// Properties over random input sequences: whatever arrives, late, twice or out of place.
const trigger: fc.Arbitrary<Triggered> = fc.constantFrom(
  triggered(),
  heldTrigger,
  triggered({ policy: POLICY_WITH_GAPS, timeouts: { ackTimeoutSeconds: 600, autoResolveSeconds: 3600 } }),
  triggered({ policy: ROUND_ROBIN_POLICY }),
  triggered({ policy: null }),
);
const level = fc.integer({ min: 1, max: 4 });
const cycle = fc.integer({ min: 1, max: 3 });
const generation = fc.integer({ min: 1, max: 4 });
const minute = fc.integer({ min: 0, max: 300 });
const timer = { incidentId: INCIDENT } as const;

/** An input without its time and version, which the sequence assigns in order. */
const anyInput = fc.oneof(
  fc.constant({ type: 'Acknowledged' as const }),
  fc
    .constantFrom('ack-timeout', 'handed-back', 'snooze-ended' as const)
    .map((reason) => ({ type: 'Unacknowledged' as const, reason })),
  fc.constant({ type: 'Resolved' as const }),
  level.map((l) => ({ type: 'ReassignedToLevel' as const, level: l })),
  fc
    .subarray(['alice', 'erin', 'dave'], { minLength: 1 })
    .map((userIds) => ({ type: 'ReassignedToUsers' as const, userIds })),
  level.map((toLevel) => ({ type: 'ManuallyEscalated' as const, toLevel })),
  fc
    .record({ level, cycle, generation })
    .map((fields) => ({ type: 'StepDue' as const, ...timer, ...fields })),
  generation.map((g) => ({ type: 'HoldEnded' as const, ...timer, generation: g })),
  minute.map((m) => ({ type: 'AckTimeoutDue' as const, ...timer, acknowledgedAt: t(m) })),
  fc.constant({ type: 'AutoResolveDue' as const, ...timer }),
);

const sequence = fc
  .tuple(trigger, fc.array(fc.tuple(anyInput, minute), { maxLength: 30 }))
  .map(([first, rest]) => [
    first,
    ...rest
      .sort(([, a], [, b]) => a - b)
      .map(
        ([input, m], index) =>
          ({
            ...input,
            incidentId: INCIDENT,
            at: t(m),
            due: t(m),
            incidentVersion: index + 2,
          }) as unknown as EscalationInput,
      ),
  ]);

function step(state: EscalationState, input: EscalationInput): EscalationState {
  const decisions = decide(input, state, context);
  const next = decisions.reduce(evolve, state);
  for (const decision of decisions) {
    if (decision.kind === 'page') {
      expect(decision.recipients.length).toBeGreaterThan(0);
      expect(new Set(decision.recipients.map((r) => r.userId)).size).toBe(decision.recipients.length);
    }
    if (decision.kind === 'schedule' && decision.timer.type === 'StepDue' && next.phase !== 'none') {
      expect(decision.timer).toMatchObject({ generation: next.generation, ...next.position });
    }
  }
  if (state.phase === 'resolved') expect(decisions).toEqual([]);
  return next;
}

describe('escalation properties over random input sequences', () => {
  it('nothing throws, pages reach someone, step timers name the current step, nothing happens after resolution', () => {
    fc.assert(
      fc.property(sequence, (inputs) => {
        inputs.reduce(step, initialEscalationState);
      }),
      { numRuns: 400 },
    );
  });

  it('an input decided twice changes nothing the second time (commands are repeated with the same key)', () => {
    fc.assert(
      fc.property(sequence, fc.nat(), (inputs, pick) => {
        const at = pick % inputs.length;
        const state = inputs.slice(0, at).reduce(step, initialEscalationState);
        const first = decide(inputs[at], state, context);
        const after = first.reduce(evolve, state);
        const again = decide(inputs[at], after, context);
        const commands = first.filter((decision) => decision.kind === 'command');
        expect(again.map(decisionKey)).toEqual(again.length === 0 ? [] : commands.map(decisionKey));
        expect(again.reduce(evolve, after)).toEqual(after);
      }),
      { numRuns: 400 },
    );
  });
});
