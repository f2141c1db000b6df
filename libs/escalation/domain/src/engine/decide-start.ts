import { pagingHeldUntil, urgencyAt } from '../urgency/urgency';
import type { EscalationContext } from './escalation.context';
import type { EscalationDecision } from './escalation.decisions';
import type { HoldEnded, StepDue, Triggered } from './escalation.inputs';
import { initialEscalationState, type EscalationProcess } from './escalation.state';
import { Plan } from './plan';
import { autoResolveFrom } from './timers';
import { declareUnanswered, nextPosition, positionWithin, walkFrom } from './walk';

/**
 * Starts the walk on the snapshot: step 1 fires at once, unless the incident is low urgency outside
 * support hours, when paging is held until they begin. Auto-resolve counts from the trigger (and moves
 * each time the incident is touched).
 */
export function decideTriggered(input: Triggered, context: EscalationContext): EscalationDecision[] {
  const { incidentId, orgId, at, incidentVersion, policy, severity, urgencyRule, timeouts } = input;
  const urgency = urgencyAt(urgencyRule, severity, at);
  const started = {
    type: 'EscalationStarted',
    incidentId,
    orgId,
    at,
    generation: 1,
    incidentVersion,
  } as const;
  const plan = new Plan(initialEscalationState).add({
    kind: 'record',
    fact: { ...started, policy, severity, urgencyRule, urgency, timeouts },
  });
  plan.add(...autoResolveFrom({ incidentId, timeouts }, at));
  const heldUntil = pagingHeldUntil(urgencyRule, severity, at);
  if (heldUntil === null) {
    walkFrom(plan, positionWithin(policy, 1, 1), { at, due: at }, context);
    return plan.decisions;
  }
  return plan.add(
    { kind: 'record', fact: { type: 'PagingHeld', incidentId, orgId, at, generation: 1, until: heldUntil } },
    { kind: 'schedule', timer: { type: 'HoldEnded', incidentId, due: heldUntil, generation: 1 } },
  ).decisions;
}

/** Support hours began: page from step 1 at the urgency the rule gives the incident now. */
export function decideHoldEnded(
  input: HoldEnded,
  process: EscalationProcess,
  context: EscalationContext,
): EscalationDecision[] {
  if (process.phase !== 'held' || input.generation !== process.generation) return [];
  const { incidentId, orgId, generation, policy } = process;
  const urgency = urgencyAt(process.urgencyRule, process.severity, input.due);
  const plan = new Plan(process).add({
    kind: 'record',
    fact: { type: 'PagingReleased', incidentId, orgId, at: input.at, generation, urgency },
  });
  walkFrom(plan, positionWithin(policy, 1, 1), { at: input.at, due: input.due }, context);
  return plan.decisions;
}

/**
 * The current step's delay ran out unacknowledged: the next step fires (the next cycle after the last
 * step); after the last step of the last cycle, nobody answered. A timer of an earlier step or walk is
 * stale and decides nothing.
 */
export function decideStepDue(
  input: StepDue,
  process: EscalationProcess,
  context: EscalationContext,
): EscalationDecision[] {
  const { position } = process;
  const current =
    process.phase === 'escalating' &&
    input.generation === process.generation &&
    position?.level === input.level &&
    position.cycle === input.cycle;
  if (!current) return [];
  const plan = new Plan(process);
  const next = nextPosition(process.policy, position);
  if (next === null) declareUnanswered(plan, input.at);
  else walkFrom(plan, next, { at: input.at, due: input.due }, context);
  return plan.decisions;
}
