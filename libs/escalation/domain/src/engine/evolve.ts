import type { EscalationDecision, PageDecision } from './escalation.decisions';
import type { EscalationFact, EscalationStarted } from './escalation.facts';
import type { EscalationProcess, EscalationState } from './escalation.state';

/**
 * The state after a decision. Facts, pages, the round-robin offset and completion move it; timers,
 * commands and the managers' page leave it as it is. Folding every decision `decide` returned onto the
 * state it was given is the state to store.
 */
export function evolve(state: EscalationState, decision: EscalationDecision): EscalationState {
  switch (decision.kind) {
    case 'record':
      return evolveFact(state, decision.fact);
    case 'page':
      return paged(existing(state, decision.kind), decision);
    case 'advance-round-robin': {
      const process = existing(state, decision.kind);
      const roundRobinOffsets = { ...process.roundRobinOffsets, [decision.level]: decision.offset };
      return { ...process, roundRobinOffsets };
    }
    case 'complete':
      return { ...existing(state, decision.kind), phase: 'resolved' };
    case 'schedule':
    case 'cancel':
    case 'command':
    case 'notify-managers':
      return state;
  }
}

function evolveFact(state: EscalationState, fact: EscalationFact): EscalationProcess {
  if (fact.type === 'EscalationStarted') return started(fact);
  const process = existing(state, fact.type);
  switch (fact.type) {
    case 'PagingHeld':
      return { ...process, phase: 'held', heldUntil: fact.until };
    case 'PagingReleased':
      return { ...process, phase: 'escalating', heldUntil: null, urgency: fact.urgency };
    case 'StepSkipped':
      return { ...process, phase: 'escalating', position: { level: fact.level, cycle: fact.cycle } };
    case 'EscalationUnanswered':
      return { ...process, phase: 'unanswered' };
    case 'EscalationStopped':
      return {
        ...process,
        phase: 'acknowledged',
        acknowledgedAt: fact.at,
        heldUntil: null,
        lastIncidentVersion: fact.incidentVersion,
      };
    case 'EscalationRestarted':
      return {
        ...process,
        phase: fact.from.kind === 'users' ? 'users' : 'escalating',
        generation: fact.generation,
        position: null,
        assignedUserIds: fact.from.kind === 'users' ? fact.from.userIds : null,
        heldUntil: null,
        acknowledgedAt: null,
        lastIncidentVersion: fact.incidentVersion,
      };
  }
}

function started(fact: EscalationStarted): EscalationProcess {
  return {
    phase: 'escalating',
    incidentId: fact.incidentId,
    orgId: fact.orgId,
    policy: fact.policy,
    severity: fact.severity,
    urgencyRule: fact.urgencyRule,
    urgency: fact.urgency,
    timeouts: fact.timeouts,
    generation: fact.generation,
    position: null,
    assignedUserIds: null,
    heldUntil: null,
    acknowledgedAt: null,
    roundRobinOffsets: {},
    lastIncidentVersion: fact.incidentVersion,
  };
}

function paged(process: EscalationProcess, page: PageDecision): EscalationProcess {
  if (page.level === null || page.cycle === null) return { ...process, phase: 'users' };
  const position = { level: page.level, cycle: page.cycle };
  return { ...process, phase: 'escalating', generation: page.generation, position, assignedUserIds: null };
}

function existing(state: EscalationState, what: string): EscalationProcess {
  if (state.phase === 'none')
    throw new Error(`${what} before EscalationStarted: decisions folded out of order`);
  return state;
}
