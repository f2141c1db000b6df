import type { Decider } from '@oncall/shared-decider';
import type { EscalationContext } from './escalation.context';
import type { EscalationDecision } from './escalation.decisions';
import type { EscalationInput } from './escalation.inputs';
import type { EscalationState } from './escalation.state';
import { initialEscalationState } from './escalation.state';
import { decide } from './decide';
import { evolve } from './evolve';

/**
 * The escalation of one incident as a process decider (Oskar Dudycz's workflow shape). A handler loads
 * the incident's state (or `initialState()`), calls `decide` with the input and a context built from its
 * local copies, performs the decisions in order in one transaction (outbox rows, timer rows, the state
 * folded with `evolve`), and commits.
 */
export type EscalationDecider = Decider<
  EscalationInput,
  EscalationState,
  EscalationDecision,
  [context: EscalationContext]
>;

export const escalationDecider: EscalationDecider = {
  decide,
  evolve,
  initialState: () => initialEscalationState,
};

/** `decide`, and the state its decisions lead to. */
export function decideAndEvolve(
  input: EscalationInput,
  state: EscalationState,
  context: EscalationContext,
): { decisions: EscalationDecision[]; state: EscalationState } {
  const decisions = decide(input, state, context);
  return { decisions, state: decisions.reduce(evolve, state) };
}
