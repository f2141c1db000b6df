import { DEFAULT_PSA_SETTINGS } from './psa-settings';
import { buildTicketInput, TicketFacts } from './ticket-input';

const facts: TicketFacts = {
  orgId: 'msp-1',
  incidentId: 'inc-1',
  title: 'Disk full on FS01',
  severity: 'high',
  triggeredAt: '2027-03-01T02:00:00.000Z',
  serviceId: 'svc-1',
  serviceName: 'Acme servers',
  client: { name: 'Acme', psaExternalId: 'ACME' },
  alert: { summary: 'C: at 99%', source: 'rmm', device: 'FS01' },
  acknowledged: { at: '2027-03-01T02:04:00.000Z', by: 'Ada Lovelace' },
  incidentUrl: 'https://oncall.example/incidents/inc-1',
};

describe('buildTicketInput', () => {
  it('names the company, board and priority, and describes the incident with a link back', () => {
    const settings = { ...DEFAULT_PSA_SETTINGS, serviceBoards: [{ serviceId: 'svc-1', board: 'NOC' }] };
    expect(buildTicketInput(facts, settings)).toEqual({
      externalId: 'oncall:msp-1:inc-1',
      company: 'ACME',
      board: 'NOC',
      priority: 'P2',
      title: 'Disk full on FS01',
      device: 'FS01',
      description: [
        'On-Call incident: Disk full on FS01',
        '',
        'Service: Acme servers',
        'Client: Acme',
        'Severity: high',
        'Triggered: 2027-03-01T02:00:00.000Z',
        'Alert: C: at 99%',
        'Source: rmm',
        'Device: FS01',
        'Acknowledged: 2027-03-01T02:04:00.000Z by Ada Lovelace',
        '',
        'Open in On-Call: https://oncall.example/incidents/inc-1',
      ].join('\n'),
    });
  });

  it('leaves the company and board to the PSA when nobody named them, and omits what is unknown', () => {
    const input = buildTicketInput(
      { ...facts, client: null, alert: null, acknowledged: null, incidentUrl: null, serviceName: null },
      DEFAULT_PSA_SETTINGS,
    );
    expect(input).toMatchObject({ company: null, board: null, device: null });
    expect(input.description).toBe(
      'On-Call incident: Disk full on FS01\n\nService: svc-1\nSeverity: high\nTriggered: 2027-03-01T02:00:00.000Z',
    );
  });

  it('cuts titles to the 100 characters ConnectWise accepts, without splitting a character', () => {
    const title = buildTicketInput({ ...facts, title: '🔥'.repeat(150) }, DEFAULT_PSA_SETTINGS).title;
    expect([...title]).toHaveLength(100);
    expect(title.endsWith('🔥…')).toBe(true);
  });
});
