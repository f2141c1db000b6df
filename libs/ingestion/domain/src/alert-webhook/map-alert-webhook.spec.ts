import { facts, integration, RECEIVED_AT, refusedFields, withField } from '../testing/intake-fixtures';
import { mapAlertWebhook } from './map-alert-webhook';

const alertmanager = integration('alertmanager', 'Prometheus prod');

const firing = {
  status: 'firing',
  labels: { alertname: 'DiskFull', instance: 'fs01:9100', job: 'node', severity: 'critical' },
  annotations: { summary: 'Disk almost full on fs01', description: '97% used on /' },
  startsAt: '2027-03-02T09:58:30.123456789Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus:9090/graph?g0.expr=disk',
  fingerprint: 'c6e9b3a1f0d2e4b5',
};
const resolved = {
  ...firing,
  status: 'resolved',
  labels: { alertname: 'HighLoad', instance: 'app02:9100', severity: 'warning' },
  annotations: {},
  endsAt: '2027-03-02T09:59:00Z',
  generatorURL: '',
  fingerprint: '0f1e2d3c4b5a6978',
};
// Alertmanager's webhook body (notify/webhook/webhook.go, version 4).
const alertmanagerBody = {
  receiver: 'oncall',
  status: 'firing',
  alerts: [firing, resolved],
  groupLabels: { alertname: 'DiskFull' },
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'http://alertmanager:9093',
  version: '4',
  groupKey: '{}:{alertname="DiskFull"}',
  truncatedAlerts: 0,
};

// Grafana's alerting webhook body (grafana/alerting receivers/webhook/v1).
const grafanaBody = {
  receiver: 'On-Call',
  status: 'firing',
  orgId: 1,
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'High memory usage', team: 'blue', zone: 'us-1' },
      annotations: {
        summary: 'This alert was triggered for zone us-1',
        runbook_url: 'https://runbooks.example/1',
      },
      startsAt: '2021-10-12T09:51:03.157076+02:00',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'https://play.grafana.org/alerting/1afz29v7z/edit',
      fingerprint: 'c6eadffa33fcdf37',
      silenceURL: 'https://play.grafana.org/alerting/silence/new?matchers=alertname%3DT2',
      dashboardURL: '',
      panelURL: '',
      imageURL: 'https://images.example/panel.png',
      values: { B: 44.23943737541908, C: 1 },
      valueString: "[ var='B' value=44.23943737541908 ]",
    },
  ],
  groupLabels: {},
  commonLabels: {},
  commonAnnotations: {},
  externalURL: 'https://play.grafana.org/',
  version: '1',
  groupKey: '{}:{alertname="High memory usage"}',
  truncatedAlerts: 0,
  title: '[FIRING:1] (High memory usage blue us-1)',
  state: 'alerting',
  message: '**Firing**',
};

describe('mapAlertWebhook', () => {
  it('maps each Alertmanager alert: fingerprint as key, firing triggers, resolved resolves', () => {
    const { alerts, rejected } = mapAlertWebhook(alertmanagerBody, alertmanager, facts);
    expect(rejected).toEqual([]);
    expect(alerts).toEqual([
      {
        alertId: 'a-0',
        orgId: 'org-1',
        integrationId: 'int-alertmanager',
        integrationName: 'Prometheus prod',
        serviceId: 'svc-1',
        origin: 'alertmanager',
        kind: 'alert',
        action: 'trigger',
        disposition: 'page',
        dedupKey: 'c6e9b3a1f0d2e4b5',
        groupKey: '{}:{alertname="DiskFull"}',
        summary: 'Disk almost full on fs01',
        severity: 'critical',
        source: 'fs01:9100',
        labels: firing.labels,
        details: { annotations: firing.annotations },
        links: [{ href: 'http://prometheus:9090/graph?g0.expr=disk', text: 'Source' }],
        images: [],
        occurredAt: '2027-03-02T09:58:30.123Z',
        receivedAt: RECEIVED_AT,
      },
      expect.objectContaining({
        alertId: 'a-1',
        action: 'resolve',
        dedupKey: '0f1e2d3c4b5a6978',
        summary: 'HighLoad',
        severity: 'warning',
        links: [],
        endsAt: '2027-03-02T09:59:00.000Z',
      }),
    ]);
  });

  it('maps a Grafana alert with its links, panel image and values, in UTC', () => {
    const [alert] = mapAlertWebhook(grafanaBody, alertmanager, facts).alerts;
    expect(alert).toMatchObject({
      dedupKey: 'c6eadffa33fcdf37',
      groupKey: '{}:{alertname="High memory usage"}',
      summary: 'This alert was triggered for zone us-1',
      severity: 'high',
      links: [
        { href: 'https://play.grafana.org/alerting/1afz29v7z/edit', text: 'Source' },
        { href: 'https://play.grafana.org/alerting/silence/new?matchers=alertname%3DT2', text: 'Silence' },
      ],
      images: [{ src: 'https://images.example/panel.png', alt: 'Panel image' }],
      details: {
        annotations: grafanaBody.alerts[0].annotations,
        values: { B: 44.23943737541908, C: 1 },
        valueString: "[ var='B' value=44.23943737541908 ]",
      },
      occurredAt: '2021-10-12T07:51:03.157Z',
    });
    expect(alert.sourceSeverity).toBeUndefined();
  });

  it.each<[string, string | undefined, string, string | undefined]>([
    ['no severity label', undefined, 'high', undefined],
    ['a word we know', 'page', 'critical', 'page'],
    ['an unknown word, kept', 'sev1', 'high', 'sev1'],
  ])('severity from labels.severity: %s', (_, word, severity, sourceSeverity) => {
    const labels = { alertname: 'X', ...(word === undefined ? {} : { severity: word }) };
    const body = { ...alertmanagerBody, alerts: [{ ...firing, labels }] };
    const [alert] = mapAlertWebhook(body, alertmanager, facts).alerts;
    expect({ severity: alert.severity, sourceSeverity: alert.sourceSeverity }).toEqual({
      severity,
      sourceSeverity,
    });
  });

  it('cuts a long summary annotation instead of losing the alert', () => {
    const body = { ...alertmanagerBody, alerts: [{ ...firing, annotations: { summary: 'x'.repeat(5000) } }] };
    const [alert] = mapAlertWebhook(body, alertmanager, facts).alerts;
    expect([alert.summary.length, alert.summary.endsWith('…')]).toEqual([1024, true]);
  });

  it('keeps the valid alerts of a batch and refuses the others by index, naming the field', () => {
    const body = {
      ...alertmanagerBody,
      alerts: [
        firing,
        { ...firing, labels: { alertname: 'X', severity: 'crit\u0000ical' } },
        resolved,
        { ...firing, annotations: {}, labels: { job: 'node' } },
        { ...firing, fingerprint: undefined },
        'not an alert',
      ],
    };
    const { alerts, rejected } = mapAlertWebhook(body, alertmanager, facts);
    expect(alerts.map((alert) => alert.alertId)).toEqual(['a-0', 'a-2']);
    expect(rejected.map(({ index, field }) => ({ index, field }))).toEqual([
      { index: 1, field: 'alerts.1.labels.severity' },
      { index: 3, field: 'alerts.3.labels.alertname' },
      { index: 4, field: 'alerts.4.fingerprint' },
      { index: 5, field: 'alerts.5' },
    ]);
  });

  it.each<[string, unknown, string[]]>([
    ['a body that is no object', 'firing', ['body']],
    ['a body without alerts', withField(alertmanagerBody, 'alerts', undefined), ['alerts']],
    ['alerts that are no array', withField(alertmanagerBody, 'alerts', {}), ['alerts']],
    [
      'an empty batch (found by the mapper properties)',
      withField(alertmanagerBody, 'alerts', []),
      ['alerts'],
    ],
    ['an unknown version', withField(alertmanagerBody, 'version', '5'), ['version']],
    ['a groupKey with NUL', withField(alertmanagerBody, 'groupKey', '{}\u0000'), ['groupKey']],
    ['over 1000 alerts', withField(alertmanagerBody, 'alerts', new Array(1001).fill(firing)), ['alerts']],
  ])('refuses the whole body for %s', (_, body, fields) => {
    const result = mapAlertWebhook(body, alertmanager, facts);
    expect({ alerts: result.alerts, fields: refusedFields(result) }).toEqual({ alerts: [], fields });
    expect(result.rejected.every((rejection) => rejection.index === undefined)).toBe(true);
  });
});
