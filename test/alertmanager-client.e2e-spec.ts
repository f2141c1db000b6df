import { IncidentPage, IncidentSummary } from '@oncall/contracts';
import { waitFor } from '@oncall/platform-testing';
import { DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import { AlertmanagerProcess, alertmanagerInstalled } from './support/alertmanager-process';
import { integrate, IssuedIntegration } from './support/intake-fixtures';
import { PlatformHarness } from './support/platform-harness';

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
  let platform: PlatformHarness;
  let demo: DemoOrganization;
  let manager: string;
  let alertmanager: AlertmanagerProcess;
  let webhook: IssuedIntegration;
  let pagerDuty: IssuedIntegration;

  beforeAll(async () => {
    platform = await PlatformHarness.create('realam');
    await platform.start('admin-api', 'ingestion-gateway', 'dedup-grouping', 'incident-state');
    demo = await platform.seedDemo();
    manager = platform.token(demo.orgId, 'manager', demo.managerUserId);
    webhook = await integrate(platform, manager, demo.serviceId, 'alertmanager');
    pagerDuty = await integrate(platform, manager, demo.serviceId, 'pagerduty');
    alertmanager = await AlertmanagerProcess.start(configFor(platform.url('ingestion-gateway')));
  }, 90_000);
  afterAll(async () => {
    await alertmanager?.stop();
    await platform.close();
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
    ((await (await platform.api('/api/v1/incidents?limit=200', manager)).json()) as IncidentPage).items;
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
