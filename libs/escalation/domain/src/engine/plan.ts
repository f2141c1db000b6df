import type { EscalationDecision } from './escalation.decisions';
import type { EscalationProcess, EscalationState } from './escalation.state';
import { evolve } from './evolve';

/**
 * The decisions taken so far for one input, and the state they lead to, so a rule that looks at the
 * state (is the walk over? which generation?) always sees the effect of the decisions before it.
 */
export class Plan {
  readonly decisions: EscalationDecision[] = [];
  private current: EscalationState;

  constructor(state: EscalationState) {
    this.current = state;
  }

  get process(): EscalationProcess {
    if (this.current.phase === 'none') throw new Error('the plan has no escalation yet');
    return this.current;
  }

  add(...decisions: EscalationDecision[]): this {
    for (const decision of decisions) {
      this.decisions.push(decision);
      this.current = evolve(this.current, decision);
    }
    return this;
  }
}
