import { INTAKE_FORMATS } from '@oncall/ingestion-domain';
import { EXAMPLE_BODIES, exampleCurl, INTEGRATION_TYPE_LABELS } from './example-request';

describe('example request per integration type', () => {
  it.each(Object.keys(INTEGRATION_TYPE_LABELS))('%s: a curl posting JSON to the alert URL', (type) => {
    const curl = exampleCurl(type as keyof typeof INTEGRATION_TYPE_LABELS, 'http://gw/v1/alerts/x/KEY');
    expect(curl).toContain("curl -X POST 'http://gw/v1/alerts/x/KEY'");
    expect(curl).toContain("-H 'content-type: application/json'");
  });

  it.each([
    ['pagerduty', 'pagerduty-event.v2'],
    ['alertmanager', 'alert-webhook.v4'],
    ['rmm', 'rmm-alert.v1'],
    ['defend', 'defend-detection.v1'],
    ['security', 'security-finding.v1'],
    ['backups', 'backup-job.v1'],
  ] as const)('%s: the documented example of %s', (type, format) => {
    expect(EXAMPLE_BODIES[type]).toEqual(INTAKE_FORMATS[format].schema.examples[0]);
  });
});
