import { MessageBus } from '@oncall/platform-messaging';
import { freePort, waitFor } from '@oncall/platform-testing';
import { DEMO_USERS, DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import {
  startTestSmtpServer,
  TestSmtpServer,
} from '../apps/notification/src/senders/testing/test-smtp-server';
import { IncidentApi } from './support/incident-api';
import { addressesOf, CaughtMail, pageRequest, publishPage, TestClock } from './support/notification-bus';
import { PlatformHarness } from './support/platform-harness';
import { untilDeliveriesAtRest } from './support/settled';

const SECOND = 1_000;

/**
 * The SMTP relay is down for 30 seconds (of platform time, fast-forwarded) while pages arrive, then comes
 * back on the same port: nothing is lost, and each email is handed over exactly once.
 */
describe('An SMTP outage', () => {
  let platform: PlatformHarness;
  let port: number;
  const servers: TestSmtpServer[] = [];
  let bus: MessageBus;
  let clock: TestClock;
  let demo: DemoOrganization;
  let incidents: IncidentApi;
  const mail = new CaughtMail(() => servers);
  const manager = () => platform.token(demo.orgId, 'manager', 'outage-manager');

  beforeAll(async () => {
    // One port for the test, reserved before anything starts: the relay comes back where it was.
    port = await freePort();
    servers.push(await startTestSmtpServer(() => undefined, port));
    platform = await PlatformHarness.create('notifyoutage');
    platform.configure({ SMTP_URL: `smtp://127.0.0.1:${port}`, PLATFORM_CLOCK: 'test' });
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
    await Promise.all(servers.map((server) => server.close()));
  });

  const attempts = (outcome: string) =>
    platform.withSchema('notification', async (db) => {
      const [row] = await db.query('SELECT count(*)::int AS n FROM delivery_attempts WHERE outcome = $1 AND final = false', [outcome]); // prettier-ignore
      return row.n as number;
    });

  it('delivers every email once the relay is back, each exactly once', async () => {
    const triggered = [];
    for (const n of [1, 2, 3, 4])
      triggered.push(await incidents.trigger(`Switch ${n} unreachable`, {}, manager()));
    await servers[0].close();

    const pages = triggered.flatMap(
      (incident) =>
      DEMO_USERS.map((user) => pageRequest({ orgId: demo.orgId, incidentId: incident.incidentId, userId: user.id, urgency: 'low', requestedAt: clock.now().toISOString() })), // prettier-ignore
    );
    for (const page of pages) await publishPage(bus, page);
    await waitFor('a failed attempt for every page', async () => (await attempts('failed')) >= pages.length);
    for (let elapsed = 0; elapsed < 30 * SECOND; elapsed += 5 * SECOND) {
      await clock.fastForward(5 * SECOND);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Retried while down: more failed attempts than pages (each retry is due by now; wait for it to run).
    const failuresWhileDown = await waitFor('a retry failed while the relay is down', async () => {
      const failed = await attempts('failed');
      return failed > pages.length ? failed : undefined;
    });
    expect(failuresWhileDown).toBeGreaterThan(pages.length);

    servers.push(await startTestSmtpServer(() => undefined, port));
    await clock.fastForward(5 * 60 * SECOND);
    const delivered = await waitFor('every page delivered', async () => {
      const all = await mail.all();
      return all.length >= pages.length ? all : undefined;
    });
    await clock.fastForward(10 * 60 * SECOND);
    await untilDeliveriesAtRest(platform);

    expect(await mail.all()).toHaveLength(pages.length);
    // One email per (person, incident): the incident is named by its link in the text part.
    const received = delivered.map((email) => `${addressesOf(email)[0]} ${/\/incidents\/([\w-]+)/.exec(email.text ?? '')?.[1]}`); // prettier-ignore
    const expected = pages.map((page) => `${DEMO_USERS.find((user) => user.id === page.userId)?.email} ${page.incidentId}`); // prettier-ignore
    expect(received.sort()).toEqual(expected.sort());
    const statuses = await platform.withSchema('notification', (db) => db.query('SELECT status, count(*)::int AS n FROM deliveries GROUP BY status')); // prettier-ignore
    expect(statuses).toEqual([{ status: 'sent', n: pages.length }]);
    const final = await platform.withSchema('notification', (db) => db.query("SELECT count(*)::int AS n FROM delivery_attempts WHERE outcome = 'failed' AND final")); // prettier-ignore
    expect(final).toEqual([{ n: 0 }]);
  }, 60_000);
});
