import {
  decide,
  IncidentValidationError,
  initialIncidentState,
  TriggerIncident,
} from '@oncall/incident-domain';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { GenericAlertDto } from '@oncall/contracts';

const valid = { summary: 'Disk full on FS01', severity: 'high', source: 'rmm', dedupKey: 'fs01-disk' };

function fieldsRefusedByTheGateway(body: Record<string, unknown>): string[] {
  return validateSync(plainToInstance(GenericAlertDto, body)).map((error) => error.property);
}

/** The TriggerIncident dedup-grouping sends for a first alert, with the body's summary and key. */
function triggerFor(summary: unknown, dedupKey: unknown = valid.dedupKey): TriggerIncident {
  const alertId = '5f0c7a36-0d5c-4d3e-9a53-9d8e5f1c2b11';
  return {
    type: 'TriggerIncident',
    data: {
      incidentId: alertId,
      orgId: 'org-1',
      serviceId: 'svc-1',
      escalationPolicyId: null,
      title: typeof summary === 'string' ? summary.trim() : (summary as string),
      severity: 'high',
      urgency: 'high',
      alert: { alertId, dedupKey: dedupKey as string, summary: summary as string, severity: 'high' },
    },
    by: { kind: 'integration', integrationId: 'int-1' },
    at: '2027-01-01T10:00:00.000Z',
  };
}

function domainAccepts(command: TriggerIncident): boolean {
  try {
    decide(command, initialIncidentState);
    return true;
  } catch (error) {
    if (error instanceof IncidentValidationError) return false;
    throw error;
  }
}

describe('GenericAlertDto accepts exactly the text the incident domain accepts', () => {
  const emoji = '\u{1F525}'; // two UTF-16 code units
  it.each<[string, unknown, boolean]>([
    ['an empty summary', '', false],
    ['a blank summary', '   ', false],
    ['a summary of tabs and newlines', '\t\n\r', false],
    ['a summary of no-break spaces', '\u00a0\u3000', false],
    ['a summary that is not a string', 42, false],
    ['a one-character summary', 'x', true],
    ['a summary padded with spaces', '  Disk full  ', true],
    ['1024 ASCII characters', 'x'.repeat(1024), true],
    ['1025 ASCII characters', 'x'.repeat(1025), false],
    ['1023 spaces and one letter', `${' '.repeat(1023)}x`, true],
    ['512 emoji (1024 UTF-16 units)', emoji.repeat(512), true],
    ['513 emoji (1026 UTF-16 units)', emoji.repeat(513), false],
    ['1024 emoji (2048 UTF-16 units)', emoji.repeat(1024), false],
    ['512 letters with combining accents (1024 units)', 'e\u0301'.repeat(512), true],
    ['513 letters with combining accents (1026 units)', 'e\u0301'.repeat(513), false],
  ])('%s', (_, summary, accepted) => {
    const gatewayAccepts = !fieldsRefusedByTheGateway({ ...valid, summary }).includes('summary');
    expect({ gateway: gatewayAccepts, domain: domainAccepts(triggerFor(summary)) }).toEqual({
      gateway: accepted,
      domain: accepted,
    });
  });

  it.each<[string, unknown]>([
    ['an empty dedupKey', ''],
    ['a blank dedupKey', '  \t'],
    ['128 emoji as dedupKey (256 units, over the 255 limit)', '\u{1F525}'.repeat(128)],
  ])('refuses %s at the gateway', (_, dedupKey) => {
    expect(fieldsRefusedByTheGateway({ ...valid, dedupKey })).toEqual(['dedupKey']);
  });

  it('never accepts a dedupKey the domain refuses', () => {
    for (const dedupKey of ['', ' ', 'k', 'k'.repeat(255), '\u{1F525}'.repeat(127)]) {
      const gatewayAccepts = fieldsRefusedByTheGateway({ ...valid, dedupKey }).length === 0;
      if (gatewayAccepts) expect(domainAccepts(triggerFor(valid.summary, dedupKey))).toBe(true);
    }
  });

  it.each(['', '   ', 'x'.repeat(256)])('refuses source %j', (source) => {
    expect(fieldsRefusedByTheGateway({ ...valid, source })).toEqual(['source']);
  });
});
