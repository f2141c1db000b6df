// Renders decisions as short lines so the specs read as tables; times are minutes after T0.
import type { EscalationDecision } from '../engine/escalation.decisions';
import type { EscalationFact } from '../engine/escalation.facts';
import type { EscalationTimer } from '../engine/escalation.inputs';
import type { Instant } from '../instant';
import { T0 } from './escalation.fixtures';

const minutes = (at: Instant): string => `+${(Date.parse(at) - Date.parse(T0)) / 60_000}m`;

export function describeDecision(decision: EscalationDecision): string {
  switch (decision.kind) {
    case 'page': {
      const step = decision.level === null ? 'users' : `L${decision.level} C${decision.cycle}`;
      const who = decision.recipients.map((recipient) => recipient.userId).join(', ');
      return `page ${step} G${decision.generation} ${decision.urgency}: ${who}`;
    }
    case 'record':
      return describeFact(decision.fact);
    case 'schedule':
      return `timer ${describeTimer(decision.timer)} due ${minutes(decision.timer.due)}`;
    case 'cancel':
      return `cancel ${decision.timer}`;
    case 'command':
      return decision.command.type === 'UnacknowledgeIncident'
        ? `command unacknowledge (ack-timeout of ${minutes(decision.command.acknowledgedAt)})`
        : 'command resolve (auto-resolve)';
    case 'notify-managers':
      return `notify managers G${decision.generation} (${decision.reason})`;
    case 'advance-round-robin':
      return `round robin L${decision.level} offset ${decision.offset}`;
    case 'complete':
      return 'complete';
  }
}

export const describeDecisions = (decisions: readonly EscalationDecision[]): string[] =>
  decisions.map(describeDecision);

function describeFact(fact: EscalationFact): string {
  const walk = `G${fact.generation}`;
  switch (fact.type) {
    case 'EscalationStarted':
      return `started ${walk} ${fact.urgency} on ${fact.policy ? `${fact.policy.id} v${fact.policy.version}` : 'no policy'}`;
    case 'PagingHeld':
      return `held ${walk} until ${minutes(fact.until)}`;
    case 'PagingReleased':
      return `released ${walk} ${fact.urgency}`;
    case 'StepSkipped':
      return `skipped L${fact.level} C${fact.cycle} ${walk}: nobody on ${fact.unresolved.map((target) => `${target.type} ${target.id}`).join(', ')}`;
    case 'EscalationUnanswered':
      return `unanswered ${walk} after ${fact.cycles} cycles`;
    case 'EscalationStopped':
      return `stopped ${walk} (${fact.reason})`;
    case 'EscalationRestarted': {
      const from =
        fact.from.kind === 'users'
          ? `users ${fact.from.userIds.join(', ')}`
          : `L${fact.from.level} C${fact.from.cycle}`;
      return `restarted ${walk} (${fact.cause}) from ${from}`;
    }
  }
}

function describeTimer(timer: EscalationTimer): string {
  switch (timer.type) {
    case 'StepDue':
      return `StepDue L${timer.level} C${timer.cycle} G${timer.generation}`;
    case 'HoldEnded':
      return `HoldEnded G${timer.generation}`;
    case 'AckTimeoutDue':
      return `AckTimeoutDue of ${minutes(timer.acknowledgedAt)}`;
    case 'AutoResolveDue':
      return 'AutoResolveDue';
  }
}
