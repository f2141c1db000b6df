import { decideAckTimeoutDue, decideAcknowledged, decideUnacknowledged } from './decide-acknowledgement';
import { decideAutoResolveDue, decideResolved } from './decide-resolution';
import { decideHoldEnded, decideStepDue, decideTriggered } from './decide-start';
import type { EscalationContext } from './escalation.context';
import type { EscalationDecision } from './escalation.decisions';
import { isIncidentInput, type EscalationInput } from './escalation.inputs';
import type { EscalationState } from './escalation.state';
import { decideManuallyEscalated, decideReassignedToLevel, decideReassignedToUsers } from './restart';

/**
 * What the escalation of one incident does about `input`: pages, facts for the timeline, timers to set or
 * cancel, commands for incident-state. `[]` when nothing changes: a redelivered or older incident event,
 * a stale timer, anything after resolution. Pure: time comes with the input, the directory and the
 * schedules through `context`. Fold the decisions with `evolve` for the state to store.
 */
export function decide(
  input: EscalationInput,
  state: EscalationState,
  context: EscalationContext,
): EscalationDecision[] {
  if (state.phase === 'none') return input.type === 'Triggered' ? decideTriggered(input, context) : [];
  if (input.incidentId !== state.incidentId) {
    throw new Error(`An input for incident ${input.incidentId} was decided on incident ${state.incidentId}`);
  }
  if (state.phase === 'resolved' || input.type === 'Triggered') return [];
  if (isIncidentInput(input) && input.incidentVersion <= state.lastIncidentVersion) return [];
  switch (input.type) {
    case 'StepDue':
      return decideStepDue(input, state, context);
    case 'HoldEnded':
      return decideHoldEnded(input, state, context);
    case 'Acknowledged':
      return decideAcknowledged(input, state);
    case 'Unacknowledged':
      return decideUnacknowledged(input, state, context);
    case 'AckTimeoutDue':
      return decideAckTimeoutDue(input, state);
    case 'ReassignedToLevel':
      return decideReassignedToLevel(input, state, context);
    case 'ReassignedToUsers':
      return decideReassignedToUsers(input, state, context);
    case 'ManuallyEscalated':
      return decideManuallyEscalated(input, state, context);
    case 'Resolved':
      return decideResolved(input, state);
    case 'AutoResolveDue':
      return decideAutoResolveDue(input, state);
  }
}
