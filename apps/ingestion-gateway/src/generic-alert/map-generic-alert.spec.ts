import { IntegrationCredential } from '@oncall/contracts';
import { mapGenericAlert } from './map-generic-alert';

const credential: IntegrationCredential = {
  orgId: 'org-1',
  integrationId: 'int-1',
  serviceId: 'svc-1',
  type: 'generic',
  active: true,
};
const facts = { alertId: '5f0c7a36-0d5c-4d3e-9a53-9d8e5f1c2b11', receivedAt: '2027-01-01T10:00:00.000Z' };

describe('mapGenericAlert', () => {
  it('keeps the sender dedupKey and takes org, integration and service from the key, never the body', () => {
    const alert = mapGenericAlert(
      { summary: 'Disk full on FS01', severity: 'critical', source: 'rmm', dedupKey: 'disk-fs01' },
      credential,
      facts,
    );
    expect(alert).toMatchObject({
      alertId: facts.alertId,
      orgId: 'org-1',
      integrationId: 'int-1',
      serviceId: 'svc-1',
      origin: 'generic',
      action: 'trigger',
      dedupKey: 'disk-fs01',
      severity: 'critical',
      occurredAt: facts.receivedAt,
    });
  });

  it('maps PagerDuty-style error to high and records the original', () => {
    const alert = mapGenericAlert({ summary: 's', severity: 'error', source: 'x' }, credential, facts);
    expect([alert.severity, alert.sourceSeverity]).toEqual(['high', 'error']);
  });

  it('derives the same dedupKey for the same alert content and a different one for different content', () => {
    const a = mapGenericAlert(
      { summary: 'CPU high', severity: 'warning', source: 'srv1' },
      credential,
      facts,
    );
    const b = mapGenericAlert({ summary: 'CPU high', severity: 'info', source: 'srv1' }, credential, facts);
    const c = mapGenericAlert(
      { summary: 'CPU high', severity: 'warning', source: 'srv2' },
      credential,
      facts,
    );
    expect(a.dedupKey).toMatch(/^auto-[0-9a-f]{32}$/);
    expect(b.dedupKey).toBe(a.dedupKey);
    expect(c.dedupKey).not.toBe(a.dedupKey);
  });

  it('normalises occurredAt to UTC ISO-8601', () => {
    const alert = mapGenericAlert(
      { summary: 's', severity: 'info', source: 'x', occurredAt: '2027-01-01T12:00:00+02:00' },
      credential,
      facts,
    );
    expect(alert.occurredAt).toBe('2027-01-01T10:00:00.000Z');
  });
});
