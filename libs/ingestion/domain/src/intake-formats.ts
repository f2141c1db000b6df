import { mapAlertWebhook } from './alert-webhook/map-alert-webhook';
import type { PayloadMapper } from './mapped-alert';
import { mapBackupJob } from './native/map-backup-job';
import { mapDefendDetection } from './native/map-defend-detection';
import { mapRmmAlert } from './native/map-rmm-alert';
import { mapSecurityFinding } from './native/map-security-finding';
import { mapPagerDutyChange } from './pagerduty/map-pagerduty-change';
import { mapPagerDutyEvent } from './pagerduty/map-pagerduty-event';
import { mapPagerDutyV1 } from './pagerduty/map-pagerduty-v1';
import alertWebhookV4 from './schemas/alert-webhook.v4.schema.json';
import backupJobV1 from './schemas/backup-job.v1.schema.json';
import defendDetectionV1 from './schemas/defend-detection.v1.schema.json';
import pagerDutyChangeV2 from './schemas/pagerduty-change.v2.schema.json';
import pagerDutyEventV1 from './schemas/pagerduty-event.v1.schema.json';
import pagerDutyEventV2 from './schemas/pagerduty-event.v2.schema.json';
import rmmAlertV1 from './schemas/rmm-alert.v1.schema.json';
import securityFindingV1 from './schemas/security-finding.v1.schema.json';

/** A JSON Schema document (draft 2020-12, in the subset OpenAPI 3.0 reads) with one valid example. */
export type PayloadSchema = Record<string, unknown> & { $id: string; title: string; examples: unknown[] };

export interface IntakeFormat {
  schema: PayloadSchema;
  map: PayloadMapper;
}

/** Every payload the gateway reads, named `<type>.<version>` like its schema file in src/schemas/. */
export const INTAKE_FORMATS = {
  'pagerduty-event.v2': { schema: pagerDutyEventV2, map: mapPagerDutyEvent },
  'pagerduty-change.v2': { schema: pagerDutyChangeV2, map: mapPagerDutyChange },
  'pagerduty-event.v1': { schema: pagerDutyEventV1, map: mapPagerDutyV1 },
  'alert-webhook.v4': { schema: alertWebhookV4, map: mapAlertWebhook },
  'rmm-alert.v1': {
    schema: rmmAlertV1,
    map: (body, integration, facts) => mapRmmAlert(body, integration, facts),
  },
  'defend-detection.v1': { schema: defendDetectionV1, map: mapDefendDetection },
  'security-finding.v1': { schema: securityFindingV1, map: mapSecurityFinding },
  'backup-job.v1': { schema: backupJobV1, map: mapBackupJob },
} as const satisfies Record<string, IntakeFormat>;

export type IntakeFormatName = keyof typeof INTAKE_FORMATS;

/**
 * A schema as an OpenAPI 3.0 schema object: without the JSON Schema document keywords 3.0 does not
 * know (`$schema`, `$id`), and with its first example as `example`.
 */
export function openApiSchemaOf(schema: PayloadSchema): Record<string, unknown> {
  const { $schema: _schema, $id: _id, examples, ...rest } = schema;
  return { ...rest, example: examples[0] };
}
