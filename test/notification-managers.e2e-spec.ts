import { NotificationConsumers, ServiceState, Streams } from '@oncall/contracts';
import { stageForAll } from '@oncall/platform-testing';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import { pageRequest, publishPage, textLink } from './support/notification-bus';
import { INCIDENT_PAGING_SERVICES, NotificationStage } from './support/notification-stage';
import { untilConsumerDrained, untilDeliveriesSettled, untilStateCopiesHave } from './support/settled';

const [MORGAN, TAYLOR] = DEMO_USERS;
const GAP_MANAGER = { hubUserId: 'gap-manager', email: 'gap-manager@example.test' };

/** What the organization's managers are told: coverage gaps (scheduling) and unanswered incidents. */
describe('Emails to managers', () => {
  const stage = stageForAll(() =>
    NotificationStage.start('notifymanagers', {
      services: [...INCIDENT_PAGING_SERVICES, 'scheduling', 'escalation'],
      env: { PUBLIC_URL: 'https://oncall.example' },
    }),
  );
  const manager = () => stage.token('manager', GAP_MANAGER.hubUserId, GAP_MANAGER.email);

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await stage.platform.api(path, manager(), { method, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  } // prettier-ignore

  it('tells every active manager of a coverage gap: the schedule, the window and the services affected', async () => {
    const layer = { name: 'Weekdays', participants: [TAYLOR.id], rotation: { kind: 'daily' }, handoffAnchor: '2024-01-01T08:00', start: '2024-01-01T00:00:00Z' }; // prettier-ignore
    const schedule = await call<{ id: string }>('POST', '/api/v1/schedules', { name: 'Network on call', timeZone: 'UTC', layers: [layer] }); // prettier-ignore
    const policy = await call<{ id: string }>('POST', '/api/v1/escalation-policies', { name: 'Network', steps: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedule.id }] }] }); // prettier-ignore
    await call('POST', '/api/v1/services', { name: 'Exchange hosting', escalationPolicyId: policy.id });
    await call('POST', '/api/v1/services', { name: 'Firewall monitoring', escalationPolicyId: policy.id });
    const weekdaysOnly = [1, 2, 3, 4, 5].map((day) => ({ kind: 'weekly', startDayOfWeek: day, startTime: '00:00', durationMinutes: 1440 })); // prettier-ignore
    await call('PUT', `/api/v1/schedules/${schedule.id}`, { name: 'Network on call', timeZone: 'UTC', layers: [{ ...layer, restrictions: weekdaysOnly }] }); // prettier-ignore

    const isGap = (email: { subject?: string }) => email.subject?.startsWith('[COVERAGE GAP] Network on call') ?? false;
    for (const address of [MORGAN.email, GAP_MANAGER.email]) {
      const [first] = await stage.mail.waitFor(address, 1, isGap, 30_000);
      // The first weekend from now (a gap under way starts now): Saturday 00:00 to Monday 00:00, in UTC.
      expect(first.subject).toMatch(/^\[COVERAGE GAP\] Network on call · (Sat|Sun) \d+ \w+ \d{4}, \d\d:\d\d – Mon \d+ \w+ \d{4}, 00:00 \(UTC\)$/);
      expect(first.text).toContain('Nobody is on call in Network on call from ');
      expect(first.text).toMatch(/Services affected:\n(- Exchange hosting\n- Firewall monitoring|- Firewall monitoring\n- Exchange hosting)\n/);
      expect(first.text).toContain('Schedule: Network on call https://oncall.example/on-call');
    }
    expect(await stage.mail.to(TAYLOR.email).then((all) => all.filter(isGap))).toEqual([]);
  }, 60_000); // prettier-ignore

  it('tells managers an incident went unanswered, naming who was paged, with links to act', async () => {
    // The engine runs too: give the service a policy whose walk outlasts the test, so the only unanswered
    // notice is the one published here.
    const policy = await call<{ id: string }>('POST', '/api/v1/escalation-policies', { name: 'Slow', steps: [{ delayMinutes: 60, targets: [{ type: 'user', id: TAYLOR.id }] }] }); // prettier-ignore
    await call('PATCH', `/api/v1/services/${stage.demo.serviceId}`, { escalationPolicyId: policy.id });
    await untilStateCopiesHave<ServiceState>(stage.bus, 'service', stage.demo.serviceId, 'on the slow policy', (service) => service?.escalationPolicyId === policy.id); // prettier-ignore
    const incident = await stage.incidents.trigger('Core switch unreachable', {}, manager());
    const ids = { orgId: stage.demo.orgId, incidentId: incident.incidentId };
    await publishPage(stage.bus, pageRequest({ ...ids, userId: TAYLOR.id, cycle: 2 }));
    await stage.mail.waitFor(TAYLOR.email, 1, (email) => email.text?.includes(incident.incidentId) ?? false);
    const notice = pageRequest({ ...ids, userId: MORGAN.id, kind: 'unanswered', level: null, cycle: null, pageId: `${incident.incidentId}:unanswered:${MORGAN.id}` }); // prettier-ignore
    await publishPage(stage.bus, notice);
    await publishPage(stage.bus, notice);
    const [email] = await stage.mail.waitFor(
      MORGAN.email,
      1,
      (sent) => sent.subject?.startsWith('[UNANSWERED]') ?? false,
    );
    expect(email.subject).toBe(
      '[UNANSWERED] [CRITICAL] Client servers (24/7) · Contoso · Disk C: 95% full on FS01',
    );
    expect(email.text).toContain('after its escalation policy ran through all its steps 2 times');
    expect(email.text).toContain('Paged: Taylor Tech');
    expect(textLink(email, 'Acknowledge')).toContain('https://oncall.example/email-actions/acknowledge/');
    // Both copies of the notice taken, and what they asked for sent: a second email would be here by now.
    await untilConsumerDrained(stage.bus, Streams.escalation.name, NotificationConsumers.notifyRequested);
    await untilDeliveriesSettled(stage.platform, incident.incidentId);
    expect(
      (await stage.mail.to(MORGAN.email)).filter((sent) => sent.subject?.startsWith('[UNANSWERED]')),
    ).toHaveLength(1);
  });
});
