import { CorrelatedAlert, CorrelationSettings, decideCorrelation } from './decide-correlation';
import { clientResolver } from './routing/client-resolver';
import { MaintenanceWindow } from './maintenance/maintenance-window';
import { RoutingRule } from './routing/routing-rule';

const clients = clientResolver([
  { clientId: 'client-a', rmmExternalId: 'site-a', psaExternalId: null },
  { clientId: 'client-b', rmmExternalId: 'site-b', psaExternalId: 'psa-b' },
]);
const rules: RoutingRule[] = [
  { ruleId: 'to-a', serviceId: 'svc-a', when: { clientIds: ['client-a'] } },
  { ruleId: 'to-b', serviceId: 'svc-b', when: { clientIds: ['client-b'] } },
];
// Patch night for client B: Sunday 01:00–04:00 in Amsterdam (the night clocks go forward on 2027-03-28).
const patchNight: MaintenanceWindow = {
  windowId: 'patch-night',
  scope: { clientId: 'client-b' },
  kind: 'weekly',
  timeZone: 'Europe/Amsterdam',
  days: [7],
  start: '01:00',
  end: '04:00',
};
const settings: CorrelationSettings = { rules, windows: [patchNight], resolveClient: clients };
const alert = (client: string | undefined, receivedAt = '2027-03-24T12:00:00Z'): CorrelatedAlert => ({
  integrationId: 'int-rmm',
  serviceId: 'svc-default',
  labels: {},
  severity: 'critical',
  client,
  receivedAt,
});

describe('decideCorrelation', () => {
  it.each([
    ['our client id', 'client-a', { serviceId: 'svc-a', ruleId: 'to-a', clientId: 'client-a' }],
    ['the RMM’s id for the client', 'site-b', { serviceId: 'svc-b', ruleId: 'to-b', clientId: 'client-b' }],
    ['the PSA’s id for the client', 'psa-b', { serviceId: 'svc-b', ruleId: 'to-b', clientId: 'client-b' }],
    ['an unknown client: the default', 'site-z', { serviceId: 'svc-default', ruleId: null, clientId: null }],
    ['no client: the default', undefined, { serviceId: 'svc-default', ruleId: null, clientId: null }],
  ])('routes by %s', (_, client, verdict) => {
    expect(decideCorrelation(alert(client), settings)).toEqual(verdict);
  });

  it.each([
    ['inside, before the jump (01:30 CET)', '2027-03-28T00:30:00Z', true],
    ['inside, after the jump (03:30 CEST)', '2027-03-28T01:30:00Z', true],
    ['just after the end (04:00 CEST)', '2027-03-28T02:00:00Z', false],
    ['the week after, inside (01:30 CEST)', '2027-04-03T23:30:00Z', true],
    ['the Saturday before (not a window day)', '2027-03-27T00:30:00Z', false],
  ])('records client B’s alert %s: %s', (_, receivedAt, recorded) => {
    const verdict = decideCorrelation(alert('site-b', receivedAt), settings);
    expect(verdict.recordReason !== undefined).toBe(recorded);
    if (recorded) expect(verdict.recordReason).toBe('inside maintenance window patch-night');
  });

  it('does not record another client’s alert during B’s window', () => {
    expect(decideCorrelation(alert('site-a', '2027-03-28T01:30:00Z'), settings).recordReason).toBeUndefined();
  });
});
