import { waitFor } from '@oncall/platform-testing';
import { EscalationPlatform, JORDAN, MINUTE, MORGAN, TAYLOR } from './support/escalation-platform';
import { stepsOf } from './support/paging-watch';

/**
 * The engine through the real services, fast-forwarded (GoAlert's smoke tests): an alert opens an
 * incident, escalation walks the policy snapshot on durable timers and asks notification to page.
 */
describe('Escalation paging (real services, test clock)', () => {
  let esc: EscalationPlatform;
  let policyId: string;

  beforeAll(async () => {
    esc = await EscalationPlatform.start('escpaging');
    const user = (id: string) => ({ type: 'user', id });
    const policy = await esc.createPolicy(
      [
        { delayMinutes: 5, targets: [user(TAYLOR.id)] },
        { delayMinutes: 10, targets: [user(JORDAN.id)] },
        { delayMinutes: 15, targets: [user(TAYLOR.id), user(JORDAN.id)] },
      ],
      1,
    );
    policyId = policy.id;
    await esc.useForDemoService(policyId);
  }, 60_000);
  afterAll(() => esc.close());

  it('pages at 0, 5 and 15 minutes, repeats the chain once, then flags unanswered and pages the managers; nothing after', async () => {
    const incident = await esc.trigger('Core switch unreachable');
    const id = incident.incidentId;
    const triggeredAt = Date.parse(incident.triggeredAt);
    await esc.watch.waitForPages(id, 1);

    const expected = [
      [5, `L2C1:${JORDAN.id}`],
      [10, `L3C1:${TAYLOR.id}`, `L3C1:${JORDAN.id}`],
      [15, `L1C2:${TAYLOR.id}`],
      [5, `L2C2:${JORDAN.id}`],
      [10, `L3C2:${TAYLOR.id}`, `L3C2:${JORDAN.id}`],
    ] as const;
    const seen = [`L1C1:${TAYLOR.id}`];
    for (const [minutes, ...pages] of expected) {
      // Just short of the step: nothing new yet.
      await esc.fastForward(minutes - 1);
      await esc.untilAtRest();
      expect(stepsOf(esc.watch.pagesFor(id))).toEqual(seen);
      await esc.fastForward(1);
      seen.push(...pages);
      await esc.watch.waitForPages(id, seen.length);
      expect(stepsOf(esc.watch.pagesFor(id))).toEqual(seen);
    }
    // Each page was requested when its step was due: 0, 5, 15, 30, 35, 45 minutes after the trigger.
    const offsets = esc.watch
      .pagesFor(id)
      .map((page) => Math.round((Date.parse(page.requestedAt) - triggeredAt) / MINUTE));
    expect(offsets).toEqual([0, 5, 15, 15, 30, 35, 45, 45]);
    expect(esc.watch.pagesFor(id)[0].reason).toBe('step 1, user');

    expect(esc.watch.pagesFor(id, 'unanswered')).toEqual([]);
    await esc.fastForward(15);
    const [managerPage] = await esc.watch.waitForPages(id, 1, 'unanswered');
    expect(managerPage).toMatchObject({ userId: MORGAN.id, kind: 'unanswered', urgency: 'high' });
    await esc.watch.waitForFact(id, 'EscalationUnanswered');
    await waitFor(
      'the incident flagged unanswered',
      async () =>
        (await esc.incidents.list(esc.manager)).items.find((item) => item.incidentId === id)?.unansweredAt,
    );
    expect(await esc.escalation(id)).toMatchObject({
      phase: 'unanswered',
      policy: { id: policyId, version: 1, repeatCount: 1 },
    });

    await esc.fastForward(120);
    await esc.untilAtRest();
    expect(esc.watch.pagesFor(id)).toHaveLength(8);
    expect(esc.watch.pagesFor(id, 'unanswered')).toHaveLength(1);
  }, 90_000);

  it('stops everything after an acknowledgement at 7 minutes', async () => {
    const id = await esc.triggerPaged('Backup job failed');
    await esc.fastForward(5);
    await esc.watch.waitForPages(id, 2);
    await esc.fastForward(2);
    const ack = await esc.incidents.act(esc.technician(JORDAN), id, 'acknowledge');
    expect(ack.status).toBe(200);
    await esc.watch.waitForFact(id, 'EscalationStopped');

    for (const minutes of [8, 15, 30, 60]) await esc.fastForward(minutes);
    await esc.untilAtRest();
    expect(stepsOf(esc.watch.pagesFor(id))).toEqual([`L1C1:${TAYLOR.id}`, `L2C1:${JORDAN.id}`]);
    expect(esc.watch.pagesFor(id, 'unanswered')).toEqual([]);
    expect(await esc.escalation(id)).toMatchObject({ phase: 'acknowledged' });
  }, 60_000);

  it('puts who was paged and why on the timeline, and snapshots the policy at the trigger', async () => {
    const id = await esc.triggerPaged('Printer offline');
    // Editing the policy now changes new incidents only.
    await esc.call('PUT', `/api/v1/escalation-policies/${policyId}`, {
      name: 'Edited',
      repeatCount: 0,
      steps: [{ delayMinutes: 1, targets: [{ type: 'user', id: JORDAN.id }] }],
    });
    expect((await esc.escalation(id)).policy).toMatchObject({ id: policyId, version: 1, repeatCount: 1 });
    expect((await esc.escalation(id)).policy?.steps).toHaveLength(3);
    const entry = await waitFor('the paged entry on the timeline', async () =>
      (await esc.incidents.timeline(esc.manager, id)).find((item) => item.detail.kind === 'step-fired'),
    );
    expect(entry.detail.summary).toBe('Paged Taylor Tech (step 1, user)');
    const stranger = esc.platform.token('another-org', 'manager', 'stranger');
    expect((await esc.platform.api(`/api/v1/incidents/${id}/escalation`, stranger)).status).toBe(404);
  }, 30_000);
});
