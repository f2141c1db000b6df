import { EscalationFact, EscalationTarget, PageDecision } from '@oncall/escalation-domain';

/** The sentence the incident's timeline shows for a fact of the walk. */
export function factSummary(fact: EscalationFact): string {
  switch (fact.type) {
    case 'EscalationStarted':
      return fact.policy
        ? `Escalation started on "${fact.policy.name}" (version ${fact.policy.version}), ${fact.urgency} urgency`
        : `The service has no escalation policy (${fact.urgency} urgency)`;
    case 'PagingHeld':
      return `Low urgency outside support hours: paging waits until ${fact.until}`;
    case 'PagingReleased':
      return `Support hours began: paging now (${fact.urgency} urgency)`;
    case 'StepSkipped':
      return `Step ${fact.level} (cycle ${fact.cycle}) reached nobody (${targetsInWords(fact.unresolved)}); next step at once`;
    case 'EscalationUnanswered':
      return `Nobody answered after ${fact.cycles} cycle(s) of the policy; managers paged`;
    case 'EscalationStopped':
      return 'Acknowledged: escalation stopped';
    case 'EscalationRestarted':
      return fact.from.kind === 'step'
        ? `Escalation restarted at step ${fact.from.level} (${fact.cause})`
        : `Escalation restarted: paging the assigned users (${fact.cause})`;
  }
}

/** "Paged Taylor Tech (step 1, on call in Technicians 24/7)". */
export function pageSummary(decision: PageDecision, nameOf: (userId: string) => string | null): string {
  const people = decision.recipients.map(
    (recipient) => `${nameOf(recipient.userId) ?? recipient.userId} (${recipient.reason})`,
  );
  return `Paged ${people.join(', ')}`;
}

function targetsInWords(targets: readonly EscalationTarget[]): string {
  if (targets.length === 0) return 'no targets';
  return targets.map((target) => `${target.type} ${target.id}`).join(', ');
}
