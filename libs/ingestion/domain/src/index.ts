export {
  ALERT_ACTIONS,
  SEVERITIES,
  type AlertAction,
  type AlertImage,
  type AlertKind,
  type AlertLink,
  type DefendFacts,
  type Disposition,
  type IntegrationRef,
  type IntegrationType,
  type MappedAlert,
  type MappingResult,
  type PayloadMapper,
  type ReceptionFacts,
  type Rejection,
  type Severity,
} from './mapped-alert';
export {
  DEFAULT_SEVERITY,
  NATIVE_SEVERITIES,
  severityFromNative,
  severityFromWord,
  type MappedSeverity,
  type NativeSeverity,
} from './severity';
export { isStorableText, isText, parseInstant } from './reading/text-rules';
export { mapPagerDutyEvent } from './pagerduty/map-pagerduty-event';
export { CHANGE_EVENT_REASON, mapPagerDutyChange } from './pagerduty/map-pagerduty-change';
export { mapPagerDutyV1 } from './pagerduty/map-pagerduty-v1';
export { PAGERDUTY_KEY_LENGTH, PAGERDUTY_LIMITS, pagerDutyKeyOf } from './pagerduty/pagerduty-fields';
export {
  pagerDutyChangeProcessed,
  pagerDutyEventProcessed,
  pagerDutyInvalidEvent,
  pagerDutyV1EventProcessed,
  type PagerDutyChangeProcessed,
  type PagerDutyEventProcessed,
  type PagerDutyInvalidEvent,
  type PagerDutyReply,
  type PagerDutyV1EventProcessed,
} from './pagerduty/pagerduty-replies';
export { ALERT_WEBHOOK_LIMITS, mapAlertWebhook } from './alert-webhook/map-alert-webhook';
export { mapRmmAlert, RMM_MONITOR_TYPES, RMM_STATES, type RmmMappingOptions } from './native/map-rmm-alert';
export { DEFEND_STATUSES, mapDefendDetection } from './native/map-defend-detection';
export { mapSecurityFinding, SECURITY_KINDS, SECURITY_STATUSES } from './native/map-security-finding';
export { BACKUP_RESULTS, mapBackupJob } from './native/map-backup-job';
export {
  INTAKE_FORMATS,
  openApiSchemaOf,
  type IntakeFormat,
  type IntakeFormatName,
  type PayloadSchema,
} from './intake-formats';
export { INTAKE_EXAMPLES } from './intake-examples';
