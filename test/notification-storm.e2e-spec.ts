import { NOTIFICATION_DELIVERED, notificationEventSubject, Streams } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { waitFor } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { DEMO_USERS, DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import {
  startTestSmtpServer,
  TestSmtpServer,
} from '../apps/notification/src/senders/testing/test-smtp-server';
import { CaughtMail, pagedIncident, pageRequest, publishPage, TestClock } from './support/notification-bus';
import { PlatformHarness } from './support/platform-harness';
import { untilDeliveriesAtRest } from './support/settled';

const [, TAYLOR] = DEMO_USERS;
const THRESHOLD = 5;
const PAGES = 200;

/** An alert storm: 200 pages to one person within a minute are bundled, and none is dropped. */
describe('Storm bundling', () => {
  let platform: PlatformHarness;
  let smtp: TestSmtpServer;
  let bus: MessageBus;
  let clock: TestClock;
  let demo: DemoOrganization;
  const mail = new CaughtMail(() => [smtp]);

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    platform = await PlatformHarness.create('notifystorm');
    platform.configure({
      SMTP_URL: smtp.url,
      PLATFORM_CLOCK: 'test',
      NOTIFY_DIGEST_THRESHOLD: String(THRESHOLD),
    });
    await platform.start('admin-api', 'notification');
    demo = await platform.seedDemo();
    bus = await platform.connectBus();
    clock = new TestClock(bus);
  }, 60_000);
  afterAll(async () => {
    await bus.close();
    await platform.close();
    await smtp.close();
  });

  it(`sends ${THRESHOLD} pages, then one digest with every other incident, once a minute has passed`, async () => {
    const incidentIds = Array.from({ length: PAGES }, () => randomUUID());
    for (const [n, incidentId] of incidentIds.entries()) {
      const incident = pagedIncident({ title: `Host ${n} down`, severity: n % 2 ? 'high' : 'critical' });
      await publishPage(bus, pageRequest({ orgId: demo.orgId, incidentId, userId: TAYLOR.id, urgency: 'low', incident, requestedAt: clock.now().toISOString() })); // prettier-ignore
    }
    await mail.waitFor(TAYLOR.email, THRESHOLD, () => true, 60_000);
    await waitFor(
      'every page planned',
      () =>
        platform.withSchema('notification', async (db) => {
          const [row] = await db.query("SELECT count(*)::int AS n FROM deliveries WHERE kind = 'page'");
          return row.n === PAGES;
        }),
      { timeoutMs: 60_000 },
    );
    // Past the threshold every page is held for the digest: nothing more goes out until the clock moves.
    await untilDeliveriesAtRest(platform, { userId: TAYLOR.id, heldIsAtRest: true });
    expect(await mail.to(TAYLOR.email)).toHaveLength(THRESHOLD);

    await clock.fastForward(61_000);
    const emails = await mail.waitFor(TAYLOR.email, THRESHOLD + 1);
    await clock.fastForward(120_000);
    await untilDeliveriesAtRest(platform, { userId: TAYLOR.id });
    expect(await mail.to(TAYLOR.email)).toHaveLength(THRESHOLD + 1);

    const digest = emails.find((email) => email.subject?.includes('digest'));
    expect(digest?.subject).toBe(
      `[CRITICAL] On-Call digest: ${PAGES - THRESHOLD} incidents (${PAGES - THRESHOLD} pages)`,
    );
    // Every incident is in exactly one email.
    const named = emails.flatMap((email) =>
      [...(email.text ?? '').matchAll(/\/incidents\/([0-9a-f-]{36})/g)].map((m) => m[1]),
    );
    expect(new Set(named).size).toBe(named.length);
    expect(named.sort()).toEqual([...incidentIds].sort());
    await waitFor('a NotificationDelivered for every page', async () => (await delivered()) === PAGES);
  }, 180_000);

  async function delivered(): Promise<number> {
    const stream = bus.namespace.stream(Streams.notification.name);
    const subject = bus.namespace.subject(notificationEventSubject(NOTIFICATION_DELIVERED));
    const info = await bus.jsm.streams.info(stream, { subjects_filter: subject });
    return info.state.subjects?.[subject] ?? 0;
  }
});
