/**
 * Who a step pages: a person; whoever is on call in a schedule when the step is reached; or a team
 * (whoever is on call in the team's schedule when it has one, else every active member).
 */
export type EscalationTarget =
  { type: 'user'; id: string } | { type: 'schedule'; id: string } | { type: 'team'; id: string };

export type EscalationTargetType = EscalationTarget['type'];

export const ESCALATION_TARGET_TYPES: readonly EscalationTargetType[] = ['user', 'schedule', 'team'];

/**
 * How a step uses its targets: `all` pages every target at once; `round-robin` pages one target per
 * cycle, rotating through the list (and from one incident to the next).
 */
export type EscalationStepStrategy = 'all' | 'round-robin';

export const ESCALATION_STEP_STRATEGIES: readonly EscalationStepStrategy[] = ['all', 'round-robin'];

/** One level of a policy: its targets are paged; after `delayMinutes` unacknowledged, the next step. */
export interface EscalationStepDefinition {
  delayMinutes: number;
  targets: EscalationTarget[];
  /** Absent means `all` (policies written before strategies existed read the same). */
  strategy?: EscalationStepStrategy;
}

/** A policy as managers write it (PagerDuty's model: rules = steps, num_loops = repeatCount). */
export interface EscalationPolicyDefinition {
  name: string;
  description?: string;
  /** How many times the whole policy runs again after the last step (0 = once through). */
  repeatCount: number;
  steps: EscalationStepDefinition[];
}

/**
 * A definition after `normalizeEscalationPolicy`: trimmed, defaults filled, only its own fields. A step's
 * strategy is kept only when it is `round-robin`, so a stored policy reads the same as before strategies.
 */
export type NormalizedEscalationPolicy = Required<EscalationPolicyDefinition>;

export const ESCALATION_POLICY_LIMITS = {
  nameMaxLength: 200,
  descriptionMaxLength: 2000,
  /** PagerDuty's UI maximum for num_loops. */
  maxRepeatCount: 9,
  maxSteps: 20,
  minDelayMinutes: 1,
  maxDelayMinutes: 1440,
  maxTargetsPerStep: 10,
} as const;

/** One readable reason a definition is refused; `path` points at the field, e.g. `steps[1].targets[0].id`. */
export interface EscalationPolicyProblem {
  readonly path: string;
  readonly message: string;
}
