import { stageForAll, waitFor } from '@oncall/platform-testing';
import { ScheduleCopies } from '../apps/escalation/src/local-copies/schedule-copies';
import { EscalationPlatform, JORDAN, TAYLOR } from './support/escalation-platform';
import { stepsOf } from './support/paging-watch';
import { dailyLayer, DAY } from './support/schedule-fixtures';

/** Schedule targets resolved by escalation from its own copy of the schedules, at the moment each step fires. */
describe('Escalation to schedules (real services, test clock)', () => {
  const esc = stageForAll(() => EscalationPlatform.start('escschedules'));

  async function schedule(name: string, layers: unknown[]): Promise<string> {
    const created = await esc.call<{ id: string }>('POST', '/api/v1/schedules', {
      name,
      timeZone: 'UTC',
      layers,
    });
    await untilEscalationKnows(created.id);
    return created.id;
  }

  function untilEscalationKnows(scheduleId: string, check: () => boolean = () => true): Promise<unknown> {
    const copies = esc.platform.service('escalation').app.get(ScheduleCopies);
    return waitFor(
      `escalation's copy of ${scheduleId}`,
      () => copies.schedule(esc.demo.orgId, scheduleId) && check(),
    );
  }

  const onCallIn = (id: string) => ({ type: 'schedule', id });

  it('resolves a schedule when the step fires: an override made after the trigger is paged at the next step', async () => {
    const scheduleId = await schedule('Technicians 24/7', [dailyLayer([TAYLOR.id])]);
    await esc.useNewPolicy([
      { delayMinutes: 5, targets: [onCallIn(scheduleId)] },
      { delayMinutes: 5, targets: [onCallIn(scheduleId)] },
    ]);
    const incident = await esc.trigger('VPN tunnel down');
    const [first] = await esc.watch.waitForPages(incident.incidentId, 1);
    expect(first).toMatchObject({ userId: TAYLOR.id, reason: 'step 1, on call in Technicians 24/7' });

    const override = { userId: JORDAN.id, start: new Date().toISOString(), end: new Date(Date.now() + DAY).toISOString() };
    await esc.call('POST', `/api/v1/schedules/${scheduleId}/overrides`, override);
    const copies = esc.platform.service('escalation').app.get(ScheduleCopies);
    await untilEscalationKnows(scheduleId, () => copies.schedule(esc.demo.orgId, scheduleId)!.history.overrides.length === 1);
    await esc.fastForward(5);
    const pages = await esc.watch.waitForPages(incident.incidentId, 2);
    expect(stepsOf(pages)).toEqual([`L1C1:${TAYLOR.id}`, `L2C1:${JORDAN.id}`]);
    expect(pages[1].reason).toBe('step 2, on call in Technicians 24/7');
  }, 30_000); // prettier-ignore

  it('writes a coverage gap on the timeline and fires the next step at once', async () => {
    const nobodyYet = dailyLayer([TAYLOR.id], 9, { start: '2099-01-01T00:00:00.000Z' });
    const scheduleId = await schedule('Night shift (not started)', [nobodyYet]);
    await esc.useNewPolicy([
      { delayMinutes: 10, targets: [onCallIn(scheduleId)] },
      { delayMinutes: 10, targets: [{ type: 'user', id: JORDAN.id }] },
    ]);
    const incident = await esc.trigger('Firewall CPU high');
    const [page] = await esc.watch.waitForPages(incident.incidentId, 1);
    expect(page).toMatchObject({ userId: JORDAN.id, level: 2, cycle: 1 });
    expect(Date.parse(page.requestedAt) - Date.parse(incident.triggeredAt)).toBeLessThan(5_000);
    const skipped = await waitFor('the gap on the timeline', async () =>
      (await esc.incidents.timeline(esc.manager, incident.incidentId)).find((entry) => entry.detail.kind === 'step-skipped'),
    );
    expect(skipped.detail.summary).toMatch(/^Step 1 \(cycle 1\) reached nobody \(schedule [0-9a-f-]+\); next step at once$/);
  }, 30_000); // prettier-ignore

  it('pages schedule targets while scheduling is stopped', async () => {
    const scheduleId = await schedule('Jordan 24/7', [dailyLayer([JORDAN.id])]);
    await esc.useNewPolicy([{ delayMinutes: 5, targets: [onCallIn(scheduleId)] }]);
    await esc.platform.stop('scheduling');
    const incident = await esc.trigger('Mail queue stuck');
    const [page] = await esc.watch.waitForPages(incident.incidentId, 1);
    expect(page).toMatchObject({ userId: JORDAN.id, reason: 'step 1, on call in Jordan 24/7' });
  }, 30_000);
});
