import * as ingestion from './index';

describe('@oncall/ingestion-domain public API', () => {
  it('exports a mapper per format, the PagerDuty replies and the text rules', () => {
    const functions = Object.entries(ingestion)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(functions).toEqual([
      'isStorableText', 'isText', 'mapAlertWebhook', 'mapBackupJob', 'mapDefendDetection', 'mapPagerDutyChange',
      'mapPagerDutyEvent', 'mapPagerDutyV1', 'mapRmmAlert', 'mapSecurityFinding', 'openApiSchemaOf', 'pagerDutyChangeProcessed',
      'pagerDutyEventProcessed', 'pagerDutyInvalidEvent', 'pagerDutyKeyOf', 'pagerDutyV1EventProcessed', 'parseInstant',
      'severityFromNative', 'severityFromWord',
    ]);
    expect(Object.keys(ingestion.INTAKE_FORMATS).sort()).toEqual([
      'alert-webhook.v4', 'backup-job.v1', 'defend-detection.v1', 'pagerduty-change.v2', 'pagerduty-event.v1',
      'pagerduty-event.v2', 'rmm-alert.v1', 'security-finding.v1',
    ]);
  }); // prettier-ignore
});
