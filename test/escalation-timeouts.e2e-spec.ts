import { stageForAll, waitFor } from '@oncall/platform-testing';
import { EscalationPlatform, JORDAN, oneUserPerStep, TAYLOR } from './support/escalation-platform';
import { stepsOf } from './support/paging-watch';

/**
 * The service's acknowledgement timeout and auto-resolve time (ADR 0143), run by escalation on its durable
 * timers and carried out by incident-state, through the real services, fast-forwarded.
 */
describe('Escalation timeouts (real services, test clock)', () => {
  const esc = stageForAll(() => EscalationPlatform.start('esctimeouts'));
  beforeAll(() => esc.useNewPolicy(oneUserPerStep([TAYLOR, JORDAN])));

  // The incident's read model follows its events a moment later.
  const untilStatus = (incidentId: string, status: string) =>
    waitFor(`incident ${status}`, async () => (await statusOf(incidentId)) === status);
  const statusOf = async (incidentId: string) =>
    (await esc.incidents.detail(esc.manager, incidentId)).incident.status;
  /** Triggers an incident of the demo service, waits for its first page and acknowledges it; its id. */
  const pagedThenAcknowledged = async (summary: string) => {
    const { incidentId } = await esc.trigger(summary);
    await esc.watch.waitForPages(incidentId, 1);
    expect((await esc.incidents.act(esc.technician(), incidentId, 'acknowledge')).status).toBe(200);
    await esc.watch.waitForFact(incidentId, 'EscalationStopped');
    await untilStatus(incidentId, 'acknowledged');
    return incidentId;
  };

  it('triggers an acknowledged incident again after the acknowledgement timeout, and escalates it from step 1', async () => {
    await esc.setDemoServiceTimeouts(10 * 60, null);
    const id = await pagedThenAcknowledged('RAID degraded on HV01');

    await esc.fastForward(9);
    await esc.untilAtRest();
    expect(stepsOf(esc.watch.pagesFor(id))).toEqual([`L1C1:${TAYLOR.id}`]);
    expect(await statusOf(id)).toBe('acknowledged');

    await esc.fastForward(1);
    await esc.watch.waitForPages(id, 2);
    await untilStatus(id, 'triggered');
    const restarted = await esc.watch.waitForFact(id, 'EscalationRestarted');
    expect(restarted.data).toMatchObject({ cause: 'ack-timeout', from: { kind: 'step', level: 1 } });
    const timeline = await esc.incidents.timeline(esc.manager, id);
    expect(timeline.find((entry) => entry.type === 'IncidentUnacknowledged')).toMatchObject({
      actor: { kind: 'system', reason: 'ack-timeout' },
      detail: { reason: 'ack-timeout' },
    });

    // The walk runs again: step 2 five minutes after the re-trigger.
    await esc.fastForward(5);
    await esc.watch.waitForPages(id, 3);
    expect(stepsOf(esc.watch.pagesFor(id))).toEqual([
      `L1C1:${TAYLOR.id}`,
      `L1C1:${TAYLOR.id}`,
      `L2C1:${JORDAN.id}`,
    ]);
    expect(new Set(esc.watch.pagesFor(id).map((page) => page.generation))).toEqual(new Set([1, 2]));
  }, 60_000); // prettier-ignore

  it('resolves an incident left untouched for the auto-resolve time; a touch starts the count again', async () => {
    await esc.setDemoServiceTimeouts(null, 30 * 60);
    const id = await esc.triggerPaged('Certificate expires in 7 days');
    await esc.fastForward(20);
    expect((await esc.incidents.act(esc.technician(JORDAN), id, 'acknowledge')).status).toBe(200);
    await esc.watch.waitForFact(id, 'EscalationStopped');
    await untilStatus(id, 'acknowledged');

    // 49 minutes after the trigger, 29 after the acknowledgement: still open.
    await esc.fastForward(29);
    await esc.untilAtRest();
    expect(await statusOf(id)).toBe('acknowledged');

    await esc.fastForward(1);
    await untilStatus(id, 'resolved');
    const timeline = await esc.incidents.timeline(esc.manager, id);
    expect(timeline.find((entry) => entry.type === 'IncidentResolved')).toMatchObject({
      actor: { kind: 'system', reason: 'auto-resolve' },
      detail: { reason: 'auto' },
    });
    expect((await esc.escalation(id)).phase).toBe('resolved');
  }, 60_000);

  it('leaves incidents of a service without timeouts alone', async () => {
    await esc.setDemoServiceTimeouts(null, null);
    const id = await pagedThenAcknowledged('Switch port flapping');
    await esc.fastForward(24 * 60);
    await esc.untilAtRest();
    expect(await statusOf(id)).toBe('acknowledged');
    expect(esc.watch.pagesFor(id)).toHaveLength(1);
  }, 60_000);
});
