import { MessageBus } from '@oncall/platform-messaging';
import { waitFor } from '@oncall/platform-testing';
import { DEMO_USERS, DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import {
  startTestSmtpServer,
  TestSmtpServer,
} from '../apps/notification/src/senders/testing/test-smtp-server';
import { IncidentApi } from './support/incident-api';
import { CaughtMail, pageRequest, publishPage, TestClock } from './support/notification-bus';
import { PlatformHarness } from './support/platform-harness';
import { untilDeliveriesSettled } from './support/settled';

const [, , JORDAN] = DEMO_USERS;
const MINUTE = 60_000;

/**
 * A person's rules with delays (the defaults: email at once, again after 3 minutes) run on the platform
 * clock, fast-forwarded for every service at once, and stop when the incident is acknowledged.
 */
describe('Notification rules with delays', () => {
  let platform: PlatformHarness;
  let smtp: TestSmtpServer;
  let bus: MessageBus;
  let clock: TestClock;
  let demo: DemoOrganization;
  let incidents: IncidentApi;
  const mail = new CaughtMail(() => [smtp]);
  const manager = () => platform.token(demo.orgId, 'manager', 'rules-manager');

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    platform = await PlatformHarness.create('notifyrules');
    platform.configure({ SMTP_URL: smtp.url, PLATFORM_CLOCK: 'test' });
    await platform.start(
      'admin-api',
      'ingestion-gateway',
      'dedup-grouping',
      'incident-state',
      'notification',
    );
    demo = await platform.seedDemo();
    incidents = new IncidentApi(platform, demo.integrationKey);
    bus = await platform.connectBus();
    clock = new TestClock(bus);
  }, 60_000);
  afterAll(async () => {
    await bus.close();
    await platform.close();
    await smtp.close();
  });

  const about = (incidentId: string) => (text: { text?: string }) => text.text?.includes(incidentId) ?? false;

  it('stops between two rule steps once the incident is acknowledged; an unacknowledged one gets its reminder', async () => {
    const acknowledged = await incidents.trigger('RAID degraded on HV02', {}, manager());
    const ignored = await incidents.trigger('UPS on battery in rack 3', {}, manager());
    for (const incident of [acknowledged, ignored]) {
      await publishPage(bus, pageRequest({ orgId: demo.orgId, incidentId: incident.incidentId, userId: JORDAN.id, requestedAt: clock.now().toISOString() })); // prettier-ignore
    }
    await mail.waitFor(JORDAN.email, 1, about(acknowledged.incidentId));
    await mail.waitFor(JORDAN.email, 1, about(ignored.incidentId));

    await clock.fastForward(1 * MINUTE);
    expect((await incidents.act(manager(), acknowledged.incidentId, 'acknowledge')).status).toBe(200);
    await waitFor('notification saw the acknowledgement', () =>
      platform.withSchema('notification', async (db) => {
        const [row] = await db.query('SELECT status FROM incident_progress WHERE incident_id = $1', [acknowledged.incidentId]); // prettier-ignore
        return row?.status === 'acknowledged';
      }),
    );
    await clock.fastForward(3 * MINUTE);

    await mail.waitFor(JORDAN.email, 2, about(ignored.incidentId));
    await untilDeliveriesSettled(platform, acknowledged.incidentId);
    expect(
      await mail.to(JORDAN.email).then((all) => all.filter(about(acknowledged.incidentId))),
    ).toHaveLength(1);
    const reminders = await platform.withSchema('notification', (db) =>
      db.query(
        `SELECT incident_id, status, status_reason FROM deliveries WHERE idempotency_key LIKE '%:3m' ORDER BY status`,
      ),
    );
    expect(reminders).toEqual([
      { incident_id: ignored.incidentId, status: 'sent', status_reason: null },
      { incident_id: acknowledged.incidentId, status: 'suppressed', status_reason: 'incident-acknowledged' },
    ]);
  });
});
