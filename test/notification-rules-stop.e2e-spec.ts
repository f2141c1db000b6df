import { stageForAll, waitFor } from '@oncall/platform-testing';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';
import { NotificationStage } from './support/notification-stage';
import { untilDeliveriesSettled } from './support/settled';

const [, , JORDAN] = DEMO_USERS;
const MINUTE = 60_000;

/**
 * A person's rules with delays (the defaults: email at once, again after 3 minutes) run on the platform
 * clock, fast-forwarded for every service at once, and stop when the incident is acknowledged.
 */
describe('Notification rules with delays', () => {
  const stage = stageForAll(() =>
    NotificationStage.start('notifyrules', { env: { PLATFORM_CLOCK: 'test' } }),
  );
  const manager = () => stage.token('manager', 'rules-manager');

  const about = (incidentId: string) => (text: { text?: string }) => text.text?.includes(incidentId) ?? false;

  it('stops between two rule steps once the incident is acknowledged; an unacknowledged one gets its reminder', async () => {
    const acknowledged = await stage.incidents.trigger('RAID degraded on HV02', {}, manager());
    const ignored = await stage.incidents.trigger('UPS on battery in rack 3', {}, manager());
    for (const incident of [acknowledged, ignored]) {
      await stage.page({ incidentId: incident.incidentId, userId: JORDAN.id, requestedAt: stage.clock.now().toISOString() }); // prettier-ignore
    }
    await stage.mail.waitFor(JORDAN.email, 1, about(acknowledged.incidentId));
    await stage.mail.waitFor(JORDAN.email, 1, about(ignored.incidentId));

    await stage.clock.fastForward(1 * MINUTE);
    expect((await stage.incidents.act(manager(), acknowledged.incidentId, 'acknowledge')).status).toBe(200);
    await waitFor('notification saw the acknowledgement', () =>
      stage.platform.withSchema('notification', async (db) => {
        const [row] = await db.query('SELECT status FROM incident_progress WHERE incident_id = $1', [acknowledged.incidentId]); // prettier-ignore
        return row?.status === 'acknowledged';
      }),
    );
    await stage.clock.fastForward(3 * MINUTE);

    await stage.mail.waitFor(JORDAN.email, 2, about(ignored.incidentId));
    await untilDeliveriesSettled(stage.platform, acknowledged.incidentId);
    expect(
      await stage.mail.to(JORDAN.email).then((all) => all.filter(about(acknowledged.incidentId))),
    ).toHaveLength(1);
    const reminders = await stage.platform.withSchema('notification', (db) =>
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
