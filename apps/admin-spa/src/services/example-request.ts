import { INTAKE_EXAMPLES } from '@oncall/ingestion-domain';
import type { SchemaCreateIntegrationDto } from '../api/generated/openapi';

export type IntegrationType = SchemaCreateIntegrationDto['type'];

export const INTEGRATION_TYPE_LABELS: Record<IntegrationType, string> = {
  generic: 'Generic webhook',
  pagerduty: 'PagerDuty Events v2',
  alertmanager: 'Prometheus Alertmanager',
  rmm: 'RMM',
  defend: 'Defend (EDR)',
  security: 'Security (M365 posture, dark web)',
  backups: 'Backups',
};

/**
 * A body the gateway takes at an integration of each type, to try the key: the documented example of each
 * intake format (libs/ingestion/domain's schemas), and for the generic webhook one alert of ours.
 */
export const EXAMPLE_BODIES: Record<IntegrationType, object> = {
  generic: { summary: 'Disk C: 95% full on FS01', severity: 'high', source: 'fs01', dedupKey: 'fs01-disk-c' },
  pagerduty: INTAKE_EXAMPLES['pagerduty-event.v2'],
  alertmanager: INTAKE_EXAMPLES['alert-webhook.v4'],
  rmm: INTAKE_EXAMPLES['rmm-alert.v1'],
  defend: INTAKE_EXAMPLES['defend-detection.v1'],
  security: INTAKE_EXAMPLES['security-finding.v1'],
  backups: INTAKE_EXAMPLES['backup-job.v1'],
};

/** A ready-to-paste curl that posts an example alert to `alertUrl` (which carries the key). */
export function exampleCurl(type: IntegrationType, alertUrl: string): string {
  // In single quotes for the shell: a quote inside the body is closed, escaped and reopened.
  const body = JSON.stringify(EXAMPLE_BODIES[type]).replaceAll("'", "'\\''");
  return `curl -X POST '${alertUrl}' \\\n  -H 'content-type: application/json' \\\n  -d '${body}'`;
}
