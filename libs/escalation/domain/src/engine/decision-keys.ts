import type { EscalationDecision } from './escalation.decisions';
import type { EscalationFact } from './escalation.facts';

/**
 * The idempotency key of one person's page: the same for a redelivered input, different for every step,
 * cycle and walk (a restart pages the same step again, and that page must not be dropped as a repeat).
 */
export function recipientKey(
  incidentId: string,
  generation: number,
  level: number | null,
  cycle: number | null,
  userId: string,
): string {
  const step = level === null ? 'assigned' : `${level}:${cycle}`;
  return `${incidentId}:${generation}:${step}:${userId}`;
}

/**
 * A key naming what a decision does, the same however often the same input is decided on the same
 * state: for outbox message ids (Nats-Msg-Id) and timer rows.
 */
export function decisionKey(decision: EscalationDecision): string {
  switch (decision.kind) {
    case 'record':
      return factKey(decision.fact);
    case 'page':
      return `${decision.incidentId}:${decision.generation}:page:${decision.level ?? 'assigned'}:${decision.cycle ?? 0}`;
    case 'schedule':
      return `${decision.timer.incidentId}:timer:${decision.timer.type}`;
    case 'cancel':
      return `${decision.incidentId}:timer:${decision.timer}`;
    case 'command':
      return decision.command.type === 'UnacknowledgeIncident'
        ? `${decision.command.incidentId}:ack-timeout:${decision.command.acknowledgedAt}`
        : `${decision.command.incidentId}:auto-resolve`;
    case 'notify-managers':
      return `${decision.incidentId}:${decision.generation}:notify-managers`;
    case 'advance-round-robin':
      return `${decision.incidentId}:round-robin:${decision.level}`;
    case 'complete':
      return `${decision.incidentId}:complete`;
  }
}

function factKey(fact: EscalationFact): string {
  const walk = `${fact.incidentId}:${fact.generation}:${fact.type}`;
  switch (fact.type) {
    case 'StepSkipped':
      return `${walk}:${fact.level}:${fact.cycle}`;
    case 'EscalationStopped':
      // Several acknowledgements can stop one walk (a colleague takes a snoozed incident over).
      return `${walk}:${fact.incidentVersion}`;
    default:
      return walk;
  }
}
