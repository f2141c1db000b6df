import type { EscalationTarget } from '../escalation-policy.types';
import { addMinutes, isLater, type Instant } from '../instant';
import type { PolicySnapshot, SnapshotStep } from '../policy-snapshot';
import { resolveStepTargets, type StepRecipient, type StepTargets } from '../targets/resolve-step-targets';
import { recipientKey } from './decision-keys';
import type { EscalationContext } from './escalation.context';
import type { PageDecision } from './escalation.decisions';
import type { EscalationProcess, Position } from './escalation.state';
import type { Plan } from './plan';

/** When a step fires: `at` stamps what happens, `due` is the instant the walk is timed from. */
export interface Firing {
  readonly at: Instant;
  readonly due: Instant;
}

/**
 * Fires the step at `from`; while a step reaches nobody, records it skipped and fires the next at once.
 * A step that pages schedules the next one after its delay (high urgency only: low urgency notifies but
 * never escalates). Running past the last step of the last cycle, or having no step at all, is unanswered.
 */
export function walkFrom(
  plan: Plan,
  from: Position | null,
  firing: Firing,
  context: EscalationContext,
): void {
  for (let position = from; position !== null; position = nextPosition(plan.process.policy, position)) {
    const step = stepAt(plan.process, position);
    const targets = resolveTargets(plan, step, position.cycle, firing.at, context);
    if (targets.recipients.length > 0) {
      plan.add(pageOf(plan.process, position, targets.recipients, firing.at));
      if (plan.process.urgency === 'high') scheduleNextStep(plan, position, firing, step.delayMinutes);
      return;
    }
    recordSkipped(plan, position, targets.unresolved, firing.at);
  }
  declareUnanswered(plan, firing.at);
}

/** The managers are paged and the timeline says nobody answered; nothing is due afterwards. */
export function declareUnanswered(plan: Plan, at: Instant): void {
  const { incidentId, orgId, generation, policy } = plan.process;
  const cycles = policy ? policy.repeatCount + 1 : 0;
  plan.add(
    { kind: 'record', fact: { type: 'EscalationUnanswered', incidentId, orgId, generation, at, cycles } },
    { kind: 'notify-managers', incidentId, orgId, generation, at, reason: 'unanswered' },
  );
}

/** Pages exactly the users the incident is assigned to (no policy, nothing escalates after). */
export function pageAssignedUsers(plan: Plan, userIds: readonly string[], at: Instant): void {
  if (userIds.length === 0) return declareUnanswered(plan, at);
  const sources = [{ type: 'user' }] as const;
  const recipients = userIds.map((userId) => ({ userId, reason: 'assigned directly', sources }));
  plan.add(pageOf(plan.process, null, recipients, at));
}

/** (level, cycle) brought within the policy; null when the policy has no step to fire. */
export function positionWithin(policy: PolicySnapshot | null, level: number, cycle: number): Position | null {
  if (!policy || policy.steps.length === 0) return null;
  return {
    level: Math.min(Math.max(level, 1), policy.steps.length),
    cycle: Math.min(Math.max(cycle, 1), policy.repeatCount + 1),
  };
}

/** The step after `position`: the next level, else level 1 of the next cycle, else none. */
export function nextPosition(policy: PolicySnapshot | null, position: Position): Position | null {
  if (!policy) return null;
  if (position.level < policy.steps.length) return { level: position.level + 1, cycle: position.cycle };
  if (position.cycle <= policy.repeatCount) return { level: 1, cycle: position.cycle + 1 };
  return null;
}

function recordSkipped(
  plan: Plan,
  position: Position,
  unresolved: readonly EscalationTarget[],
  at: Instant,
): void {
  const { incidentId, orgId, generation } = plan.process;
  const skipped = {
    type: 'StepSkipped',
    incidentId,
    orgId,
    generation,
    at,
    ...position,
    unresolved,
  } as const;
  plan.add({ kind: 'record', fact: skipped });
}

function stepAt(process: EscalationProcess, position: Position): SnapshotStep {
  const step = process.policy?.steps[position.level - 1];
  if (!step) throw new Error(`level ${position.level} is not a step of the incident's policy`);
  return step;
}

// A round-robin step takes the stored offset the first time this incident reaches it and keeps it for
// every later cycle and walk, so the incident itself rotates by cycle while the next incident moves on.
function resolveTargets(
  plan: Plan,
  step: SnapshotStep,
  cycle: number,
  at: Instant,
  context: EscalationContext,
): StepTargets {
  if (step.strategy !== 'round-robin') return resolveStepTargets(step, cycle, context.lookup, at);
  const { incidentId, policy, roundRobinOffsets } = plan.process;
  const policyId = policy?.id ?? '';
  let offset = roundRobinOffsets[step.level];
  if (offset === undefined) {
    offset = context.roundRobinOffset(policyId, step.level);
    plan.add({ kind: 'advance-round-robin', incidentId, policyId, level: step.level, offset });
  }
  return resolveStepTargets(step, cycle, context.lookup, at, offset);
}

/**
 * The next step is timed from when this one was due, so a timer that fires a little late does not stretch
 * the chain. When that instant has passed already (the platform was stopped or far behind), it is timed from
 * now instead: a restart pages the step that was due and lets the next one wait its delay, rather than
 * firing every overdue step at once (ADR 0223).
 */
function scheduleNextStep(plan: Plan, position: Position, firing: Firing, delayMinutes: number): void {
  const { incidentId, generation } = plan.process;
  const fromDue = addMinutes(firing.due, delayMinutes);
  const due = isLater(fromDue, firing.at) ? fromDue : addMinutes(firing.at, delayMinutes);
  plan.add({ kind: 'schedule', timer: { type: 'StepDue', incidentId, due, generation, ...position } });
}

function pageOf(
  process: EscalationProcess,
  position: Position | null,
  recipients: readonly StepRecipient[],
  at: Instant,
): PageDecision {
  const { incidentId, orgId, generation, urgency } = process;
  const level = position?.level ?? null;
  const cycle = position?.cycle ?? null;
  const keyed = recipients.map((recipient) => ({
    ...recipient,
    idempotencyKey: recipientKey(incidentId, generation, level, cycle, recipient.userId),
  }));
  return { kind: 'page', incidentId, orgId, generation, level, cycle, urgency, at, recipients: keyed };
}
