import type { EscalationDecision } from './escalation.decisions';
import type { AutoResolveDue, Resolved } from './escalation.inputs';
import type { EscalationProcess } from './escalation.state';

/** Resolved is final: every timer goes, nothing is due again (the state stays, so a late input is ignored). */
export function decideResolved(input: Resolved, process: EscalationProcess): EscalationDecision[] {
  return [{ kind: 'complete', incidentId: process.incidentId, at: input.at }];
}

/** Asks incident-state to resolve the incident (open that long, acknowledged or not). */
export function decideAutoResolveDue(
  input: AutoResolveDue,
  process: EscalationProcess,
): EscalationDecision[] {
  const { incidentId, orgId } = process;
  return [
    {
      kind: 'command',
      command: { type: 'ResolveIncident', incidentId, orgId, at: input.at, reason: 'auto-resolve' },
    },
  ];
}
