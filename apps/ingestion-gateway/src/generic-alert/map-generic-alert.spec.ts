import { BadRequestException } from '@nestjs/common';
import { GenericAlertDto, IntegrationCredential } from '@oncall/contracts';
import { validatePayload } from '@oncall/platform-runtime';
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

describe('occurredAt as a sender may write it', () => {
  const body = { summary: 's', severity: 'info', source: 'x' };
  const refusedFields = (occurredAt: unknown): string[] => {
    try {
      validatePayload(GenericAlertDto, { ...body, occurredAt });
      return [];
    } catch (error) {
      const problem = (error as BadRequestException).getResponse() as { errors: { field: string }[] };
      return problem.errors.map((e) => e.field);
    }
  };

  it.each([
    ['a week date', '2027-W01-1'],
    ['a week date with time', '2027-W01-1T12:00:00Z'],
    ['an ordinal date', '2027-001'],
    ['an hour without minutes', '2027-01-01T12'],
    ['a date alone', '2027-01-01'],
    ['no offset (server-local time)', '2027-01-01T12:00:00'],
    ['a day February does not have', '2027-02-30T12:00:00Z'],
    ['hour 24', '2027-01-01T24:00:00Z'],
    ['an offset without a colon', '2027-01-01T12:00:00+0200'],
    ['an offset of 25 hours', '2027-01-01T12:00:00+25:00'],
    ['a space instead of T', '2027-01-01 12:00:00Z'],
    ['a number', 1798797600000],
  ])('refuses %s with 400 naming occurredAt', (_, occurredAt) => {
    expect(refusedFields(occurredAt)).toEqual(['occurredAt']);
  });

  it.each([
    ['UTC', '2027-01-01T10:00:00Z', '2027-01-01T10:00:00.000Z'],
    ['an offset', '2027-01-01T12:00:00+02:00', '2027-01-01T10:00:00.000Z'],
    ['a negative offset and no seconds', '2027-01-01T05:30-04:30', '2027-01-01T10:00:00.000Z'],
    ['a fraction finer than milliseconds', '2027-01-01T10:00:00.123456Z', '2027-01-01T10:00:00.123Z'],
    ['29 February of a leap year', '2028-02-29T10:00:00Z', '2028-02-29T10:00:00.000Z'],
  ])('accepts %s and maps it to UTC', (_, occurredAt, utc) => {
    const payload = validatePayload(GenericAlertDto, { ...body, occurredAt });
    expect(mapGenericAlert(payload, credential, facts).occurredAt).toBe(utc);
  });
});
