import type { IntakeFormatName } from './intake-formats';
import { examples as alertWebhookV4 } from './schemas/alert-webhook.v4.schema.json';
import { examples as backupJobV1 } from './schemas/backup-job.v1.schema.json';
import { examples as defendDetectionV1 } from './schemas/defend-detection.v1.schema.json';
import { examples as pagerDutyChangeV2 } from './schemas/pagerduty-change.v2.schema.json';
import { examples as pagerDutyEventV1 } from './schemas/pagerduty-event.v1.schema.json';
import { examples as pagerDutyEventV2 } from './schemas/pagerduty-event.v2.schema.json';
import { examples as rmmAlertV1 } from './schemas/rmm-alert.v1.schema.json';
import { examples as securityFindingV1 } from './schemas/security-finding.v1.schema.json';

/**
 * The documented example body of each intake format: its schema's first `examples` entry, the one the
 * OpenAPI document shows. Read on its own, without the schemas and mappers, so that the admin SPA can offer
 * these bodies to try an integration key with.
 */
export const INTAKE_EXAMPLES = {
  'pagerduty-event.v2': pagerDutyEventV2[0],
  'pagerduty-change.v2': pagerDutyChangeV2[0],
  'pagerduty-event.v1': pagerDutyEventV1[0],
  'alert-webhook.v4': alertWebhookV4[0],
  'rmm-alert.v1': rmmAlertV1[0],
  'defend-detection.v1': defendDetectionV1[0],
  'security-finding.v1': securityFindingV1[0],
  'backup-job.v1': backupJobV1[0],
} satisfies Record<IntakeFormatName, unknown>;
