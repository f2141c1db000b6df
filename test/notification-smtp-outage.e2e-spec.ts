import { freePort, stageForAll, waitFor } from '@oncall/platform-testing';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import { startTestSmtpServer } from '../apps/notification/src/senders/testing/test-smtp-server';
import { addressesOf, pageRequest, publishPage } from './support/notification-bus';
import { NotificationStage } from './support/notification-stage';
import { untilDeliveriesAtRest } from './support/settled';

const SECOND = 1_000;

/**
 * The SMTP relay is down for 30 seconds (of platform time, fast-forwarded) while pages arrive, then comes
 * back on the same port: nothing is lost, and each email is handed over exactly once.
 */
describe('An SMTP outage', () => {
  let port: number;
  const stage = stageForAll(async () => {
    // One port for the test, reserved before anything starts: the relay comes back where it was.
    port = await freePort();
    return NotificationStage.start('notifyoutage', { smtpPort: port, env: { PLATFORM_CLOCK: 'test' } });
  });
  const manager = () => stage.token('manager', 'outage-manager');

  const attempts = (outcome: string) =>
    stage.platform.withSchema('notification', async (db) => {
      const [row] = await db.query('SELECT count(*)::int AS n FROM delivery_attempts WHERE outcome = $1 AND final = false', [outcome]); // prettier-ignore
      return row.n as number;
    });

  it('delivers every email once the relay is back, each exactly once', async () => {
    const triggered = [];
    for (const n of [1, 2, 3, 4])
      triggered.push(await stage.incidents.trigger(`Switch ${n} unreachable`, {}, manager()));
    await stage.smtp.close();

    const pages = triggered.flatMap(
      (incident) =>
      DEMO_USERS.map((user) => pageRequest({ orgId: stage.demo.orgId, incidentId: incident.incidentId, userId: user.id, urgency: 'low', requestedAt: stage.clock.now().toISOString() })), // prettier-ignore
    );
    for (const page of pages) await publishPage(stage.bus, page);
    await waitFor('a failed attempt for every page', async () => (await attempts('failed')) >= pages.length);
    for (let elapsed = 0; elapsed < 30 * SECOND; elapsed += 5 * SECOND) {
      await stage.clock.fastForward(5 * SECOND);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Retried while down: more failed attempts than pages (each retry is due by now; wait for it to run).
    const failuresWhileDown = await waitFor('a retry failed while the relay is down', async () => {
      const failed = await attempts('failed');
      return failed > pages.length ? failed : undefined;
    });
    expect(failuresWhileDown).toBeGreaterThan(pages.length);

    stage.smtpServers.push(await startTestSmtpServer(() => undefined, port));
    await stage.clock.fastForward(5 * 60 * SECOND);
    const delivered = await waitFor('every page delivered', async () => {
      const all = await stage.mail.all();
      return all.length >= pages.length ? all : undefined;
    });
    await stage.clock.fastForward(10 * 60 * SECOND);
    await untilDeliveriesAtRest(stage.platform);

    expect(await stage.mail.all()).toHaveLength(pages.length);
    // One email per (person, incident): the incident is named by its link in the text part.
    const received = delivered.map((email) => `${addressesOf(email)[0]} ${/\/incidents\/([\w-]+)/.exec(email.text ?? '')?.[1]}`); // prettier-ignore
    const expected = pages.map((page) => `${DEMO_USERS.find((user) => user.id === page.userId)?.email} ${page.incidentId}`); // prettier-ignore
    expect(received.sort()).toEqual(expected.sort());
    const statuses = await stage.platform.withSchema('notification', (db) => db.query('SELECT status, count(*)::int AS n FROM deliveries GROUP BY status')); // prettier-ignore
    expect(statuses).toEqual([{ status: 'sent', n: pages.length }]);
    const final = await stage.platform.withSchema('notification', (db) => db.query("SELECT count(*)::int AS n FROM delivery_attempts WHERE outcome = 'failed' AND final")); // prettier-ignore
    expect(final).toEqual([{ n: 0 }]);
  }, 60_000);
});
