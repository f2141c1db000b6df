import { stageForAll, waitFor } from '@oncall/platform-testing';
import { DirectoryCopies } from '../apps/escalation/src/local-copies/directory-copies';
import { ScheduleCopies } from '../apps/escalation/src/local-copies/schedule-copies';
import { EscalationPlatform, JORDAN, MORGAN, TAYLOR } from './support/escalation-platform';
import { stepsOf } from './support/paging-watch';
import { dailyLayer } from './support/schedule-fixtures';

const user = (id: string) => ({ type: 'user', id });
const team = (id: string) => ({ type: 'team', id });

/** Team targets and round-robin steps, resolved by escalation from its own copies, through the real services. */
describe('Escalation targets: teams and round-robin (real services, test clock)', () => {
  const esc = stageForAll(() => EscalationPlatform.start('esctargets'));

  async function teamOf(name: string, userIds: string[]): Promise<string> {
    const created = await esc.call<{ id: string }>('POST', '/api/v1/teams', { name });
    await esc.call('PUT', `/api/v1/teams/${created.id}/members`, { userIds });
    const copies = esc.platform.service('escalation').app.get(DirectoryCopies);
    await waitFor(
      `escalation's copy of team ${name}`,
      () => copies.team(esc.demo.orgId, created.id)?.memberIds.length === userIds.length,
    );
    return created.id;
  }

  it('pages every member of a team without a schedule', async () => {
    const teamId = await teamOf('Network', [TAYLOR.id, JORDAN.id]);
    await esc.useNewPolicy([{ delayMinutes: 5, targets: [team(teamId)] }]);
    const incident = await esc.trigger('Core router BGP session down');
    const pages = await esc.watch.waitForPages(incident.incidentId, 2);
    expect(pages.map((page) => page.userId).sort()).toEqual([TAYLOR.id, JORDAN.id].sort());
    expect(pages.map((page) => page.reason)).toEqual(['step 1, member of team Network', 'step 1, member of team Network']);
    expect(new Set(pages.map((page) => page.level))).toEqual(new Set([1]));
  }, 30_000); // prettier-ignore

  it("pages whoever is on call in the team's schedule when it has one, not every member", async () => {
    const teamId = await teamOf('Servers', [TAYLOR.id, JORDAN.id, MORGAN.id]);
    const schedule = await esc.call<{ id: string }>('POST', '/api/v1/schedules', {
      name: 'Servers 24/7',
      timeZone: 'UTC',
      teamId,
      layers: [dailyLayer([JORDAN.id])],
    });
    const schedules = esc.platform.service('escalation').app.get(ScheduleCopies);
    await waitFor("escalation's copy of the team's schedule", () =>
      schedules.teamSchedule(esc.demo.orgId, teamId)?.scheduleId === schedule.id,
    );
    await esc.useNewPolicy([{ delayMinutes: 5, targets: [team(teamId)] }]);
    const incident = await esc.trigger('Hyper-V cluster node down');
    const [page] = await esc.watch.waitForPages(incident.incidentId, 1);
    expect(page).toMatchObject({ userId: JORDAN.id, reason: 'step 1, on call in Servers 24/7 for team Servers' });
    await esc.untilAtRest();
    expect(esc.watch.pagesFor(incident.incidentId)).toHaveLength(1);
  }, 30_000); // prettier-ignore

  it('pages one target of a round-robin step per cycle, rotating, and starts the next incident one further', async () => {
    await esc.useNewPolicy(
      [{ delayMinutes: 5, strategy: 'round-robin', targets: [user(TAYLOR.id), user(JORDAN.id), user(MORGAN.id)] }],
      2,
    );
    const first = await esc.trigger('Print spooler crashed');
    await esc.watch.waitForPages(first.incidentId, 1);
    await esc.fastForward(5);
    await esc.watch.waitForPages(first.incidentId, 2);
    await esc.fastForward(5);
    await esc.watch.waitForPages(first.incidentId, 3);
    expect(stepsOf(esc.watch.pagesFor(first.incidentId))).toEqual([
      `L1C1:${TAYLOR.id}`,
      `L1C2:${JORDAN.id}`,
      `L1C3:${MORGAN.id}`,
    ]);

    const second = await esc.trigger('Scanner offline');
    const [page] = await esc.watch.waitForPages(second.incidentId, 1);
    expect(stepsOf([page])).toEqual([`L1C1:${JORDAN.id}`]);
    await esc.untilAtRest();
    expect(esc.watch.pagesFor(second.incidentId)).toHaveLength(1);
  }, 60_000); // prettier-ignore
});
