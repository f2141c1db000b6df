import type { EscalationContext } from './escalation.context';
import type { EscalationDecision } from './escalation.decisions';
import type { AckTimeoutDue, Acknowledged, Unacknowledged } from './escalation.inputs';
import type { EscalationProcess } from './escalation.state';
import { Plan } from './plan';
import { restartWalk } from './restart';
import { ackTimeoutFor, autoResolveFrom, cancelPendingTimers } from './timers';

/**
 * Acknowledged (again, when a colleague takes it over): nothing escalates or waits for support hours;
 * the acknowledgement timeout, when the service has one, starts from this acknowledgement.
 */
export function decideAcknowledged(input: Acknowledged, process: EscalationProcess): EscalationDecision[] {
  const { incidentId, orgId, generation } = process;
  const ackTimeout = ackTimeoutFor(process, input.at);
  return new Plan(process).add(
    ...cancelPendingTimers(process, ackTimeout.length > 0 ? 'AckTimeoutDue' : null),
    {
      kind: 'record',
      fact: {
        type: 'EscalationStopped',
        incidentId,
        orgId,
        at: input.at,
        generation,
        incidentVersion: input.incidentVersion,
        reason: 'acknowledged',
      },
    },
    ...ackTimeout,
    ...autoResolveFrom(process, input.at),
  ).decisions;
}

/**
 * Triggered again (handed back, acknowledgement timed out, snooze ended): a new walk from step 1 of
 * cycle 1, or the assigned users paged again.
 */
export function decideUnacknowledged(
  input: Unacknowledged,
  process: EscalationProcess,
  context: EscalationContext,
): EscalationDecision[] {
  if (process.phase !== 'acknowledged') return [];
  const from = process.assignedUserIds
    ? ({ kind: 'users', userIds: process.assignedUserIds } as const)
    : ({ kind: 'step', level: 1, cycle: 1 } as const);
  return restartWalk(process, input, input.reason, from, context);
}

/** Asks incident-state to unacknowledge, if this acknowledgement is still the current one. */
export function decideAckTimeoutDue(input: AckTimeoutDue, process: EscalationProcess): EscalationDecision[] {
  if (process.phase !== 'acknowledged' || process.acknowledgedAt !== input.acknowledgedAt) return [];
  const { incidentId, orgId } = process;
  const { at, acknowledgedAt } = input;
  return [
    {
      kind: 'command',
      command: {
        type: 'UnacknowledgeIncident',
        incidentId,
        orgId,
        at,
        reason: 'ack-timeout',
        acknowledgedAt,
      },
    },
  ];
}
