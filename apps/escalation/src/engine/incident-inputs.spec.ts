import type { IncidentEvent, IncidentEventOf } from '@oncall/incident-domain';
import type { ServiceState } from '@oncall/contracts';
import { incidentInputOf, pagedIncidentOf, triggeredInput } from './incident-inputs';

const stamp = {
  incidentId: 'inc-1',
  by: { kind: 'system', reason: 'test' },
  at: '2027-01-04T10:00:00.000Z',
} as const;
const event = (type: string, data: object = {}) =>
  ({ type, schemaVersion: 1, data: { ...stamp, ...data } }) as unknown as Exclude<
    IncidentEvent,
    IncidentEventOf<'IncidentTriggered'>
  >;

/** The copy's view of service svc-1 ("Servers"): no client, team or policy, constant high, unless `fields` say. */
const serviceOf = (fields: Partial<ServiceState> = {}): ServiceState => ({
  serviceId: 'svc-1',
  orgId: 'org-1',
  name: 'Servers',
  clientId: null,
  teamId: null,
  escalationPolicyId: null,
  urgencyRule: { kind: 'constant', urgency: 'high' },
  ...fields,
});

const triggered = {
  type: 'IncidentTriggered',
  schemaVersion: 1,
  data: {
    ...stamp,
    orgId: 'org-1',
    serviceId: 'svc-1',
    escalationPolicyId: 'pol-1',
    title: 'Disk full',
    severity: 'warning',
    urgency: 'high',
    priority: null,
    alert: {
      alertId: 'a-1',
      dedupKey: 'k',
      summary: 'Disk full on FS01',
      severity: 'warning',
      receivedAt: stamp.at,
      context: { source: 'rmm', device: 'FS01' },
    },
  },
} as IncidentEventOf<'IncidentTriggered'>;

describe('incident events as engine inputs', () => {
  it.each([
    ['IncidentAcknowledged', {}, { type: 'Acknowledged' }],
    [
      'IncidentUnacknowledged',
      { reason: 'snooze-ended' },
      { type: 'Unacknowledged', reason: 'snooze-ended' },
    ],
    ['IncidentResolved', { reason: 'manual', mergedInto: null }, { type: 'Resolved' }],
    [
      'IncidentReassigned',
      { from: { kind: 'users', userIds: [] }, to: { kind: 'escalation-level', level: 2 } },
      { type: 'ReassignedToLevel', level: 2 },
    ],
    [
      'IncidentReassigned',
      { from: { kind: 'escalation-level', level: 1 }, to: { kind: 'users', userIds: ['u-1'] } },
      { type: 'ReassignedToUsers', userIds: ['u-1'] },
    ],
    [
      'IncidentEscalated',
      { escalationPolicyId: 'p', fromLevel: 1, toLevel: 3 },
      { type: 'ManuallyEscalated', toLevel: 3 },
    ],
  ])('%s → %j', (type, data, expected) => {
    expect(incidentInputOf(event(type, data), 7)).toEqual({
      ...expected,
      incidentId: 'inc-1',
      at: stamp.at,
      incidentVersion: 7,
    });
  });

  it.each(['AlertAppended', 'NoteAdded', 'ActivityRecorded', 'IncidentSnoozed', 'TicketLinked'])(
    '%s means nothing to the engine',
    (type) => {
      expect(incidentInputOf(event(type), 3)).toBeNull();
    },
  );

  it('starts from the policy snapshot and the service rule; constant high when the copy does not know the service', () => {
    const rule = { kind: 'severity-based' } as const;
    const service = serviceOf({ escalationPolicyId: 'pol-1', urgencyRule: rule });
    expect(triggeredInput(triggered, 1, null, service)).toMatchObject({
      type: 'Triggered',
      orgId: 'org-1',
      severity: 'warning',
      urgencyRule: rule,
      policy: null,
      timeouts: { ackTimeoutSeconds: null, autoResolveSeconds: null },
    });
    expect(triggeredInput(triggered, 1, null, undefined).urgencyRule).toEqual({
      kind: 'constant',
      urgency: 'high',
    });
  });

  it("carries the service's acknowledgement timeout and auto-resolve time; none for an unknown service", () => {
    const service = serviceOf({ ackTimeoutSeconds: 1800, autoResolveSeconds: 14_400 });
    expect(triggeredInput(triggered, 1, null, service).timeouts).toEqual({
      ackTimeoutSeconds: 1800,
      autoResolveSeconds: 14_400,
    });
    expect(triggeredInput(triggered, 1, null, undefined).timeouts).toEqual({
      ackTimeoutSeconds: null,
      autoResolveSeconds: null,
    });
  });

  it('describes the incident for pages with the service and client names', () => {
    const service = serviceOf({ clientId: 'c-1', urgencyRule: { kind: 'severity-based' } });
    const client = {
      clientId: 'c-1',
      orgId: 'org-1',
      name: 'Contoso',
      rmmExternalId: null,
      psaExternalId: null,
      timeZone: 'UTC',
    };
    expect(pagedIncidentOf(triggered, service, client)).toEqual({
      title: 'Disk full',
      severity: 'warning',
      serviceId: 'svc-1',
      serviceName: 'Servers',
      clientName: 'Contoso',
      triggeredAt: stamp.at,
      alert: { summary: 'Disk full on FS01', source: 'rmm', device: 'FS01', details: null, defend: null },
    });
  });
});
