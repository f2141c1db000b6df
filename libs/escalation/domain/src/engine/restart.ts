import type { EscalationContext } from './escalation.context';
import type { EscalationDecision } from './escalation.decisions';
import type { EscalationRestarted, RestartPoint } from './escalation.facts';
import type {
  IncidentInput,
  ManuallyEscalated,
  ReassignedToLevel,
  ReassignedToUsers,
} from './escalation.inputs';
import type { EscalationProcess } from './escalation.state';
import { Plan } from './plan';
import { autoResolveFrom, cancelPendingTimers } from './timers';
import { pageAssignedUsers, positionWithin, walkFrom } from './walk';

/** Reassigned to a level: a new walk from that step (within the policy), cycle 1. */
export function decideReassignedToLevel(
  input: ReassignedToLevel,
  process: EscalationProcess,
  context: EscalationContext,
): EscalationDecision[] {
  return restartWalk(process, input, 'reassigned', { kind: 'step', level: input.level, cycle: 1 }, context);
}

/** Reassigned to people: exactly they are paged; the policy no longer applies (PagerDuty). */
export function decideReassignedToUsers(
  input: ReassignedToUsers,
  process: EscalationProcess,
  context: EscalationContext,
): EscalationDecision[] {
  const userIds = [...new Set(input.userIds)];
  return restartWalk(process, input, 'reassigned', { kind: 'users', userIds }, context);
}

/** A person escalated: step `toLevel` fires at once, in the current cycle, and the walk continues from it. */
export function decideManuallyEscalated(
  input: ManuallyEscalated,
  process: EscalationProcess,
  context: EscalationContext,
): EscalationDecision[] {
  const cycle = process.position?.cycle ?? 1;
  return restartWalk(process, input, 'escalated', { kind: 'step', level: input.toLevel, cycle }, context);
}

/** Ends what the process was waiting for and begins the next generation of the walk at `from`. */
export function restartWalk(
  process: EscalationProcess,
  input: IncidentInput,
  cause: EscalationRestarted['cause'],
  from: RestartPoint,
  context: EscalationContext,
): EscalationDecision[] {
  const { incidentId, orgId } = process;
  const { at, incidentVersion } = input;
  const position = from.kind === 'step' ? positionWithin(process.policy, from.level, from.cycle) : null;
  const point = position ? ({ kind: 'step', ...position } as const) : from;
  const generation = process.generation + 1;
  const plan = new Plan(process).add(
    ...cancelPendingTimers(process),
    {
      kind: 'record',
      fact: {
        type: 'EscalationRestarted',
        incidentId,
        orgId,
        at,
        generation,
        incidentVersion,
        cause,
        from: point,
      },
    },
    ...autoResolveFrom(process, at),
  );
  if (point.kind === 'users') pageAssignedUsers(plan, point.userIds, at);
  else walkFrom(plan, position, { at, due: at }, context);
  return plan.decisions;
}
