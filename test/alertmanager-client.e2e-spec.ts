import { IncidentPage, IncidentSummary } from '@oncall/contracts';
import { waitFor } from '@oncall/platform-testing';
import { AlertmanagerProcess, alertmanagerInstalled } from './support/alertmanager-process';
import { IncidentStage } from './support/incident-stage';
import { integrate, IssuedIntegration } from './support/intake-fixtures';

const installed = alertmanagerInstalled();
if (!installed) {
  // Said plainly rather than passed quietly: .ci/run installs the package; without it nothing is checked.
  console.warn('prometheus-alertmanager is not installed: the real Alertmanager client test is skipped');
}

/**
 * Issue 12 with a real client: Prometheus Alertmanager (Debian's package) with a webhook receiver and a
 * `pagerduty_configs` receiver whose `url` is the gateway's `/v2/enqueue`, fed through its own API. Firing
 * opens incidents, resolving resolves them, on both receivers.
 */
(installed ? describe : describe.skip)('A real Prometheus Alertmanager posting to the gateway', () => {
  // Alertmanager stops before the platform it posts to: the stage is started and closed here, not by stageForAll.
  let stage: IncidentStage;
  let alertmanager: AlertmanagerProcess;
  let webhook: IssuedIntegration;
  let pagerDuty: IssuedIntegration;

  beforeAll(async () => {
    stage = await IncidentStage.start('realam');
    webhook = await integrate(stage.platform, stage.manager, stage.demo.serviceId, 'alertmanager');
    pagerDuty = await integrate(stage.platform, stage.manager, stage.demo.serviceId, 'pagerduty');
    alertmanager = await AlertmanagerProcess.start(configFor(stage.platform.url('ingestion-gateway')));
  }, 90_000);
  afterAll(async () => {
    await alertmanager?.stop();
    await stage?.close();
  });

  function configFor(gateway: string): string {
    return `
route:
  receiver: webhook
  group_by: ['alertname']
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
  routes:
    - receiver: pagerduty
      matchers: ['via="pagerduty"']
receivers:
  - name: webhook
    webhook_configs:
      - url: '${webhook.alertUrl}'
        send_resolved: true
  - name: pagerduty
    pagerduty_configs:
      - routing_key: '${pagerDuty.key}'
        url: '${gateway}/v2/enqueue'
        send_resolved: true
`;
  }

  const incidents = async (): Promise<IncidentSummary[]> =>
    ((await (await stage.platform.api('/api/v1/incidents?limit=200', stage.manager)).json()) as IncidentPage)
      .items;
  const incident = (what: string, match: (incident: IncidentSummary) => boolean) =>
    waitFor(what, async () => (await incidents()).find(match), { timeoutMs: 30_000 });

  it('opens an incident per firing alert of the webhook receiver and resolves it when it resolves', async () => {
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const alerts = ['DiskFull', 'CpuHot'].map((alertname) => ({
      labels: { alertname, instance: 'fs01:9100', severity: 'critical' },
      annotations: { summary: `${alertname} on fs01 (real Alertmanager)` },
      startsAt,
    }));
    await alertmanager.post(alerts);
    for (const alert of alerts) {
      const opened = await incident(
        `incident for ${alert.labels.alertname}`,
        (i) => i.title === alert.annotations.summary,
      );
      expect(opened).toMatchObject({ status: 'triggered', severity: 'critical' });
    }
    await alertmanager.post(
      alerts.map((alert) => ({ ...alert, endsAt: new Date(Date.now() - 1_000).toISOString() })),
    );
    for (const alert of alerts) {
      await incident(
        `${alert.labels.alertname} resolved`,
        (i) => i.title === alert.annotations.summary && i.status === 'resolved',
      );
    }
  }, 90_000);

  it('opens an incident through pagerduty_configs (Events v2 at the gateway) and resolves it', async () => {
    const alert = {
      labels: { alertname: 'ApiDown', via: 'pagerduty', severity: 'critical' },
      annotations: { summary: 'API down (via pagerduty_configs)' },
      startsAt: new Date(Date.now() - 60_000).toISOString(),
    };
    await alertmanager.post([alert]);
    // Alertmanager's default PagerDuty description: "[FIRING:1] ApiDown ...".
    const opened = await incident('the PagerDuty-receiver incident', (i) => i.title.includes('ApiDown'));
    expect(opened.status).toBe('triggered');
    // Its default severity is "error", mapped to high (ADR 0170).
    expect(opened.severity).toBe('high');
    await alertmanager.post([{ ...alert, endsAt: new Date(Date.now() - 1_000).toISOString() }]);
    await incident('ApiDown resolved', (i) => i.incidentId === opened.incidentId && i.status === 'resolved');
  }, 90_000);
});
