import type { EscalateIncident, ReassignIncident, ReassignTarget } from '../incident.commands';
import { IncidentResolvedError, InvalidTransitionError, StaleEscalationError } from '../incident.errors';
import type { IncidentEscalated, IncidentReassigned } from '../incident.events';
import type { IncidentState } from '../incident.state';
import type { Assignment } from '../incident.types';
import { isAutomatic, newEvent, requireIncident, stampOf } from './guards';
import { checkerFor, isId, isLevel } from './validation';

function validTarget(to: ReassignTarget | undefined): to is ReassignTarget {
  if (to?.kind === 'escalation-level') return isLevel(to.level);
  return to?.kind === 'users' && Array.isArray(to.userIds) && to.userIds.length > 0 && to.userIds.every(isId);
}

// Keeps only the known fields and drops repeated user ids (first occurrence wins).
function assignmentFor(to: ReassignTarget): Assignment {
  return to.kind === 'escalation-level'
    ? { kind: 'escalation-level', level: to.level }
    : { kind: 'users', userIds: [...new Set(to.userIds)] };
}

function sameAssignment(a: Assignment, b: Assignment): boolean {
  if (a.kind === 'escalation-level') return b.kind === 'escalation-level' && a.level === b.level;
  if (b.kind !== 'users') return false;
  return a.userIds.length === b.userIds.length && a.userIds.every((id) => b.userIds.includes(id));
}

/**
 * Reassigning always returns the incident to triggered (cancelling acknowledgement and snooze) so the
 * new assignee is paged; it changes nothing only when it is already triggered with that assignment.
 */
export function decideReassign(command: ReassignIncident, state: IncidentState): IncidentReassigned[] {
  checkerFor(command.data.incidentId)(
    validTarget(command.data.to),
    'data.to',
    'must be an escalation level (a whole number from 1) or a non-empty list of user ids',
  );
  const incident = requireIncident(state, command);
  if (incident.status === 'resolved') throw new IncidentResolvedError(incident.incidentId, 'be reassigned');
  const to = assignmentFor(command.data.to);
  if (incident.status === 'triggered' && sameAssignment(incident.assignment, to)) return [];
  return [newEvent('IncidentReassigned', { ...stampOf(command), from: incident.assignment, to })];
}

/**
 * An escalation applies only to the level it was based on, so two clicks (or a click racing the
 * policy timer) never escalate twice (GoAlert). The policy timer (a system actor) never escalates an
 * acknowledged incident.
 * A person may escalate an acknowledged incident: it returns to triggered at the new level.
 */
export function decideEscalate(command: EscalateIncident, state: IncidentState): IncidentEscalated[] {
  const { fromLevel, toLevel } = command.data;
  const check = checkerFor(command.data.incidentId);
  check(isLevel(fromLevel), 'data.fromLevel', 'must be a whole number from 1');
  check(isLevel(toLevel), 'data.toLevel', 'must be a whole number from 1');
  const incident = requireIncident(state, command);
  const { assignment, incidentId } = incident;
  // A person is told why nothing happened; for the policy timer the moment has simply passed.
  const refuse = (refusal: () => Error): [] => {
    if (isAutomatic(command.by)) return [];
    throw refusal();
  };
  if (incident.status === 'resolved')
    return refuse(() => new IncidentResolvedError(incidentId, 'be escalated'));
  if (assignment.kind !== 'escalation-level') {
    return refuse(
      () =>
        new InvalidTransitionError(
          incidentId,
          `Incident ${incidentId} is assigned directly to users, so it no longer follows its escalation policy; ` +
            `reassign it to an escalation level to escalate it.`,
        ),
    );
  }
  if (assignment.level !== fromLevel) {
    return refuse(() => new StaleEscalationError(incidentId, fromLevel, assignment.level));
  }
  if (isAutomatic(command.by) && incident.status === 'acknowledged') return [];
  return [
    newEvent('IncidentEscalated', {
      ...stampOf(command),
      escalationPolicyId: incident.escalationPolicyId,
      fromLevel,
      toLevel,
    }),
  ];
}
