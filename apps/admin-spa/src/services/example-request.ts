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
 * intake format (libs/ingestion/domain; example-request.spec.ts keeps them equal).
 */
export const EXAMPLE_BODIES: Record<IntegrationType, object> = {
  generic: { summary: 'Disk C: 95% full on FS01', severity: 'high', source: 'fs01', dedupKey: 'fs01-disk-c' },
  pagerduty: {
    routing_key: 'e93facc04764012d7bfb002500d5d1a6',
    event_action: 'trigger',
    dedup_key: 'srv01/HTTP',
    payload: {
      summary: 'Example alert on host1.example.com',
      timestamp: '2015-07-17T08:42:58.315+0000',
      source: 'monitoringtool:cloudvendor:central-region-dc-01:852559987:cluster/api-stats-prod-003',
      severity: 'info',
      component: 'postgres',
      group: 'prod-datapipe',
      class: 'deploy',
      custom_details: { 'ping time': '1500ms', 'load avg': 0.75 },
    },
    images: [
      {
        src: 'https://www.pagerduty.com/wp-content/uploads/2016/05/pagerduty-logo-green.png',
        href: 'https://example.com/',
        alt: 'Example text',
      },
    ],
    links: [{ href: 'https://example.com/', text: 'Link text' }],
    client: 'Sample Monitoring Service',
    client_url: 'https://monitoring.example.com',
  },
  alertmanager: {
    receiver: 'oncall',
    status: 'firing',
    alerts: [
      {
        status: 'firing',
        labels: { alertname: 'DiskFull', instance: 'fs01:9100', job: 'node', severity: 'critical' },
        annotations: { summary: 'Disk almost full on fs01', description: '97% used on /' },
        startsAt: '2027-03-02T09:58:30.123456789Z',
        endsAt: '0001-01-01T00:00:00Z',
        generatorURL: 'http://prometheus:9090/graph?g0.expr=disk',
        fingerprint: 'c6e9b3a1f0d2e4b5',
      },
    ],
    groupLabels: { alertname: 'DiskFull' },
    commonLabels: { alertname: 'DiskFull' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    version: '4',
    groupKey: '{}:{alertname="DiskFull"}',
    truncatedAlerts: 0,
  },
  rmm: {
    schemaVersion: 1,
    alertId: 'rmm-7f3a9c',
    state: 'raised',
    severity: 'critical',
    device: { name: 'FS01', id: 'dev-1042', os: 'Windows Server 2022', ip: '10.0.4.12' },
    client: { id: 'site-881', name: 'Bakkerij de Vries' },
    monitor: { type: 'disk', name: 'Free space on C:' },
    threshold: { value: 5, breachWhen: 'below', unit: '%' },
    value: 3,
    raisedAt: '2027-03-02T09:58:00Z',
    consoleUrl: 'https://rmm.example/alerts/rmm-7f3a9c',
  },
  defend: {
    schemaVersion: 1,
    orgId: 'org-1',
    detectionId: 'det-5521',
    status: 'active',
    severity: 'high',
    device: { name: 'LAPTOP-ANNA', id: 'dev-77', os: 'Windows 11', ip: '10.0.8.31' },
    client: { id: 'site-881', name: 'Bakkerij de Vries' },
    threat: { name: 'Encoded PowerShell download cradle', category: 'execution' },
    mitre: [{ tacticId: 'TA0002', tactic: 'Execution', techniqueId: 'T1059.001', technique: 'PowerShell' }],
    recommendedAction: "Isolate the device and reset the user's credentials.",
    detectedAt: '2027-03-02T09:57:12Z',
    consoleUrl: 'https://defend.example/detections/det-5521',
  },
  security: {
    schemaVersion: 1,
    findingId: 'dw-2027-0042',
    kind: 'dark-web',
    client: { id: 'site-881', name: 'Bakkerij de Vries' },
    subject: 'anna@bakkerijdevries.example',
    severity: 'critical',
    summary: 'Password for anna@bakkerijdevries.example found in a new breach dump',
    evidence: { source: 'breach-dump-2027-02', passwordInPlainText: true },
    foundAt: '2027-03-02T06:00:00Z',
  },
  backups: {
    schemaVersion: 1,
    jobId: 'job-nightly-fs01',
    jobName: 'Nightly FS01',
    client: { id: 'site-881', name: 'Bakkerij de Vries' },
    device: { name: 'FS01' },
    result: 'failed',
    error: 'VSS snapshot could not be created',
    startedAt: '2027-03-02T01:00:00Z',
    endedAt: '2027-03-02T01:12:40Z',
  },
};

/** A ready-to-paste curl that posts an example alert to `alertUrl` (which carries the key). */
export function exampleCurl(type: IntegrationType, alertUrl: string): string {
  // In single quotes for the shell: a quote inside the body is closed, escaped and reopened.
  const body = JSON.stringify(EXAMPLE_BODIES[type]).replaceAll("'", "'\\''");
  return `curl -X POST '${alertUrl}' \\\n  -H 'content-type: application/json' \\\n  -d '${body}'`;
}
