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
export {
  snapshotPolicy,
  type PolicySnapshot,
  type SnapshotSource,
  type SnapshotStep,
} from './policy-snapshot';
export {
  resolveStepTargets,
  type StepRecipient,
  type StepTargets,
  type TargetSource,
} from './targets/resolve-step-targets';
export type { TargetLookup } from './targets/target-lookup';
export type {
  AlertSeverity,
  ConstantUrgencyRule,
  SeverityBasedUrgencyRule,
  SupportHoursUrgencyRule,
  Urgency,
  UrgencyRule,
} from './urgency/urgency-rule.types';
export { isWithinSupportHours, nextSupportHoursStart } from './urgency/support-hours';
export { pagingHeldUntil, urgencyAt } from './urgency/urgency';
export { decideAndEvolve, escalationDecider, type EscalationDecider } from './engine/escalation.decider';
export { decide as decideEscalation } from './engine/decide';
export { evolve as evolveEscalation } from './engine/evolve';
export type { EscalationContext } from './engine/escalation.context';
export {
  ESCALATION_INPUT_TYPES,
  isIncidentInput,
  type AckTimeoutDue,
  type AckTimeoutTimer,
  type Acknowledged,
  type AutoResolveDue,
  type AutoResolveTimer,
  type EscalationInput,
  type EscalationInputOf,
  type EscalationInputType,
  type EscalationTimeouts,
  type EscalationTimer,
  type EscalationTimerType,
  type HoldEnded,
  type HoldTimer,
  type IncidentInput,
  type ManuallyEscalated,
  type ReassignedToLevel,
  type ReassignedToUsers,
  type Resolved,
  type StepDue,
  type StepTimer,
  type TimerFired,
  type Triggered,
  type Unacknowledged,
} from './engine/escalation.inputs';
export type {
  AdvanceRoundRobinDecision,
  CancelDecision,
  CommandDecision,
  CompleteDecision,
  EscalationCommand,
  EscalationDecision,
  NotifyManagersDecision,
  PageDecision,
  PageRecipient,
  RecordDecision,
  ScheduleDecision,
} from './engine/escalation.decisions';
export type {
  EscalationFact,
  EscalationFactType,
  EscalationRestarted,
  EscalationStarted,
  EscalationStopped,
  EscalationUnanswered,
  PagingHeld,
  PagingReleased,
  RestartPoint,
  StepSkipped,
} from './engine/escalation.facts';
export {
  initialEscalationState,
  type EscalationPhase,
  type EscalationProcess,
  type EscalationState,
  type Position,
} from './engine/escalation.state';
export { decisionKey, recipientKey } from './engine/decision-keys';
