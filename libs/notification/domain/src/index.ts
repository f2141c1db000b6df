export * from './notification.types';
export {
  checkContactAddress,
  checkContactMethodInput,
  type ContactAddressCheck,
  type ContactAddressOptions,
  type ContactMethodInput,
  type ContactMethodInputCheck,
} from './contact-method.validation';
export { checkNotificationRules, type NotificationRulesCheck } from './notification-rules.validation';
export { defaultRules, DEFAULT_REMINDER_DELAY_MINUTES } from './default-notification-rules';
export { deliveryIdempotencyKey, type DeliveryIdentity } from './delivery-idempotency';
export {
  isEffectivelyVerified,
  planDeliveries,
  type DeliveryPlan,
  type PlannedDelivery,
  type SkippedRuleStep,
  type SkipReason,
} from './delivery-plan.decider';
export { shouldStillSend, type IncidentProgress, type SendGate } from './should-still-send.decider';
export { BATCHING_WINDOW_MS, decideBatching, type BatchingDecision } from './storm-batching.decider';
export { composeDigest, type Digest, type DigestEntry, type HeldPage } from './digest.composer';
export {
  classifyHttpFailure,
  classifySmtpFailure,
  type DeliveryFailure,
  type FailureKind,
  type HttpFailureFacts,
  type SmtpFailureFacts,
} from './delivery-failure.classifier';
export {
  backoffCeilingMs,
  DEFAULT_RETRY_POLICY,
  nextAttempt,
  type FailedAttempt,
  type RetryDecision,
  type RetryPolicy,
} from './retry.policy';
