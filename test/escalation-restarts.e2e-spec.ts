import { stageForAll, waitFor } from '@oncall/platform-testing';
import { EscalationPlatform, JORDAN, MORGAN, oneUserPerStep, TAYLOR } from './support/escalation-platform';
import { stepsOf } from './support/paging-watch';

/**
 * What people do to an incident restarts or redirects the walk: reassign to a person or a level, hand back,
 * a snooze running out, escalate by hand. The incident's level follows the step escalation paged last.
 * Through the real services, fast-forwarded.
 */
describe('Escalation restarts (real services, test clock)', () => {
  const esc = stageForAll(() => EscalationPlatform.start('escrestarts'));
  beforeAll(() => esc.useNewPolicy(oneUserPerStep([TAYLOR, JORDAN, MORGAN])));

  const act = async (id: string, action: string, body: object = {}, token = esc.manager) => {
    const answer = await esc.incidents.act(token, id, action, body);
    expect([action, answer.status, answer.body.detail]).toEqual([action, 200, undefined]);
    return answer.body;
  };
  const levelOf = async (id: string) =>
    (await esc.incidents.detail(esc.manager, id)).incident.escalationLevel;
  const untilLevel = (id: string, level: number) =>
    waitFor(`incident at level ${level}`, async () => (await levelOf(id)) === level);

  it("follows the engine's pages with the incident's level; escalating by hand pages the next step at once", async () => {
    const id = await esc.triggerPaged('Exchange queue growing');
    expect(await levelOf(id)).toBe(1);
    await esc.fastForward(5);
    await esc.watch.waitForPages(id, 2);
    await untilLevel(id, 2);
    const listed = (await esc.incidents.list(esc.manager)).items.find((item) => item.incidentId === id);
    expect(listed?.escalationLevel).toBe(2);

    await act(id, 'escalate', { fromLevel: 2, toLevel: 3 });
    await esc.watch.waitForPages(id, 3);
    expect(stepsOf(esc.watch.pagesFor(id))).toEqual([`L1C1:${TAYLOR.id}`, `L2C1:${JORDAN.id}`, `L3C1:${MORGAN.id}`]);
    await untilLevel(id, 3);
    // The walk goes on from step 3: it was the last, so five minutes later nobody has answered.
    await esc.fastForward(5);
    await esc.watch.waitForPages(id, 1, 'unanswered');
    expect(esc.watch.pagesFor(id)).toHaveLength(3);
  }, 60_000); // prettier-ignore

  it('reassigned to a person: pages that person, and the policy no longer escalates', async () => {
    const id = await esc.triggerPaged('Firewall HA failover');
    await act(id, 'reassign', { to: { kind: 'users', userIds: [JORDAN.id] } });
    const pages = await esc.watch.waitForPages(id, 2);
    expect(pages[1]).toMatchObject({ userId: JORDAN.id, level: null, reason: 'assigned directly' });
    await esc.fastForward(20);
    await esc.untilAtRest();
    expect(esc.watch.pagesFor(id)).toHaveLength(2);
    expect(esc.watch.pagesFor(id, 'unanswered')).toEqual([]);
    await waitFor('the incident assigned to Jordan', async () => {
      const { incident: shown } = await esc.incidents.detail(esc.manager, id);
      return shown.assignedUserIds.join() === JORDAN.id && shown.escalationLevel === null;
    });
  }, 60_000);

  it('reassigned to a level: the walk restarts there', async () => {
    const id = await esc.triggerPaged('SAN latency high');
    await act(id, 'reassign', { to: { kind: 'escalation-level', level: 2 } });
    await esc.watch.waitForPages(id, 2);
    await esc.fastForward(5);
    await esc.watch.waitForPages(id, 3);
    expect(stepsOf(esc.watch.pagesFor(id))).toEqual([`L1C1:${TAYLOR.id}`, `L2C1:${JORDAN.id}`, `L3C1:${MORGAN.id}`]);
    const restarted = await esc.watch.waitForFact(id, 'EscalationRestarted');
    expect(restarted.data).toMatchObject({ cause: 'reassigned', from: { kind: 'step', level: 2 } });
    await untilLevel(id, 3);
  }, 60_000); // prettier-ignore

  it('handed back (unacknowledged): the chain restarts at step 1', async () => {
    const id = await esc.triggerPaged('Backup target full');
    await esc.fastForward(5);
    await esc.watch.waitForPages(id, 2);
    await act(id, 'acknowledge', {}, esc.technician(JORDAN));
    await esc.watch.waitForFact(id, 'EscalationStopped');
    await esc.fastForward(30);
    await act(id, 'unacknowledge', {}, esc.technician(JORDAN));
    await esc.watch.waitForPages(id, 3);
    await esc.fastForward(5);
    await esc.watch.waitForPages(id, 4);
    expect(stepsOf(esc.watch.pagesFor(id))).toEqual([
      `L1C1:${TAYLOR.id}`, `L2C1:${JORDAN.id}`, `L1C1:${TAYLOR.id}`, `L2C1:${JORDAN.id}`,
    ]);
    expect((await esc.watch.waitForFact(id, 'EscalationRestarted')).data).toMatchObject({ cause: 'handed-back' });
    await untilLevel(id, 2);
  }, 60_000); // prettier-ignore

  it('a snooze that runs out restarts the chain at step 1', async () => {
    const id = await esc.triggerPaged('Antivirus definitions stale');
    await act(id, 'acknowledge', {}, esc.technician());
    // The engine has the acknowledgement before the clock moves past step 1's delay.
    await esc.watch.waitForFact(id, 'EscalationStopped');
    await act(id, 'snooze', { durationMinutes: 30 }, esc.technician());
    await esc.fastForward(29);
    await esc.untilAtRest();
    expect(esc.watch.pagesFor(id)).toHaveLength(1);
    await esc.fastForward(1);
    await esc.watch.waitForPages(id, 2);
    expect(stepsOf(esc.watch.pagesFor(id))).toEqual([`L1C1:${TAYLOR.id}`, `L1C1:${TAYLOR.id}`]);
    expect((await esc.watch.waitForFact(id, 'EscalationRestarted')).data).toMatchObject({ cause: 'snooze-ended' });
    await esc.fastForward(5);
    await esc.watch.waitForPages(id, 3);
    expect(esc.watch.pagesFor(id)[2]).toMatchObject({ userId: JORDAN.id, level: 2 });
  }, 60_000); // prettier-ignore
});
