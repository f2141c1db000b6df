export {
  ESCALATION_POLICY_LIMITS,
  ESCALATION_STEP_STRATEGIES,
  ESCALATION_TARGET_TYPES,
  type EscalationPolicyDefinition,
  type EscalationPolicyProblem,
  type EscalationStepDefinition,
  type EscalationStepStrategy,
  type EscalationTarget,
  type EscalationTargetType,
  type NormalizedEscalationPolicy,
} from './escalation-policy.types';
export {
  checkEscalationPolicy,
  InvalidEscalationPolicyError,
  normalizeEscalationPolicy,
  validateEscalationPolicy,
  type EscalationPolicyCheck,
} from './validate-escalation-policy';
export { stepNumbersBySchedule, targetReferences, type TargetReference } from './policy-references';
