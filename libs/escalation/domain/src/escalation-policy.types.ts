/** Who a step pages: a person, or whoever is on call in a schedule when the step is reached. */
export type EscalationTarget = { type: 'user'; id: string } | { type: 'schedule'; id: string };

export type EscalationTargetType = EscalationTarget['type'];

export const ESCALATION_TARGET_TYPES: readonly EscalationTargetType[] = ['user', 'schedule'];

/** One level of a policy: its targets are paged at once; after `delayMinutes` unacknowledged, the next step. */
export interface EscalationStepDefinition {
  delayMinutes: number;
  targets: EscalationTarget[];
}

/** A policy as managers write it (PagerDuty's model: rules = steps, num_loops = repeatCount). */
export interface EscalationPolicyDefinition {
  name: string;
  description?: string;
  /** How many times the whole policy runs again after the last step (0 = once through). */
  repeatCount: number;
  steps: EscalationStepDefinition[];
}

/** A definition after `normalizeEscalationPolicy`: trimmed, defaults filled, only its own fields. */
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
