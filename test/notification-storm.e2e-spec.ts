import { NOTIFICATION_DELIVERED, notificationEventSubject, Streams } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import { pagedIncident } from './support/notification-bus';
import { NotificationStage } from './support/notification-stage';
import { untilDeliveriesAtRest } from './support/settled';

const [, TAYLOR] = DEMO_USERS;
const THRESHOLD = 5;
const PAGES = 200;

/** An alert storm: 200 pages to one person within a minute are bundled, and none is dropped. */
describe('Storm bundling', () => {
  const stage = stageForAll(() =>
    NotificationStage.start('notifystorm', {
      services: ['admin-api', 'notification'],
      env: { PLATFORM_CLOCK: 'test', NOTIFY_DIGEST_THRESHOLD: String(THRESHOLD) },
    }),
  );

  it(`sends ${THRESHOLD} pages, then one digest with every other incident, once a minute has passed`, async () => {
    const incidentIds = Array.from({ length: PAGES }, () => randomUUID());
    for (const [n, incidentId] of incidentIds.entries()) {
      const incident = pagedIncident({ title: `Host ${n} down`, severity: n % 2 ? 'high' : 'critical' });
      await stage.page({ incidentId, userId: TAYLOR.id, urgency: 'low', incident, requestedAt: stage.clock.now().toISOString() }); // prettier-ignore
    }
    await stage.mail.waitFor(TAYLOR.email, THRESHOLD, () => true, 60_000);
    await waitFor(
      'every page planned',
      () =>
        stage.platform.withSchema('notification', async (db) => {
          const [row] = await db.query("SELECT count(*)::int AS n FROM deliveries WHERE kind = 'page'");
          return row.n === PAGES;
        }),
      { timeoutMs: 60_000 },
    );
    // Past the threshold every page is held for the digest: nothing more goes out until the clock moves.
    await untilDeliveriesAtRest(stage.platform, { userId: TAYLOR.id, heldIsAtRest: true });
    expect(await stage.mail.to(TAYLOR.email)).toHaveLength(THRESHOLD);

    await stage.clock.fastForward(61_000);
    const emails = await stage.mail.waitFor(TAYLOR.email, THRESHOLD + 1);
    await stage.clock.fastForward(120_000);
    await untilDeliveriesAtRest(stage.platform, { userId: TAYLOR.id });
    expect(await stage.mail.to(TAYLOR.email)).toHaveLength(THRESHOLD + 1);

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
    const stream = stage.bus.namespace.stream(Streams.notification.name);
    const subject = stage.bus.namespace.subject(notificationEventSubject(NOTIFICATION_DELIVERED));
    const info = await stage.bus.jsm.streams.info(stream, { subjects_filter: subject });
    return info.state.subjects?.[subject] ?? 0;
  }
});
