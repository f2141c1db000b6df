import { waitFor } from '@oncall/platform-testing';
import { BUSINESS_HOURS } from '../libs/escalation/domain/src/testing/escalation.fixtures';
import { EscalationPlatform, MINUTE, TAYLOR } from './support/escalation-platform';

const HOUR = 60 * MINUTE;
/** Friday 26 March 2027, 22:00 in Amsterdam (CET, UTC+1); the clocks go forward on Sunday the 28th. */
const FRIDAY_22_AMSTERDAM = Date.parse('2027-03-26T21:00:00.000Z');
/** Monday 29 March 2027, 08:00 in Amsterdam, now CEST (UTC+2). */
const MONDAY_08_AMSTERDAM = '2027-03-29T06:00:00.000Z';
/** Monday 29 March 2027, 22:00 in Amsterdam: outside the support hours again. */
const MONDAY_22_AMSTERDAM = Date.parse('2027-03-29T20:00:00.000Z');

/** The service's urgency rule, evaluated by the engine in the service's zone (its own file: it moves the clock months). */
describe('Escalation urgency and support hours (real services, test clock)', () => {
  let esc: EscalationPlatform;
  let policyId: string;

  beforeAll(async () => {
    esc = await EscalationPlatform.start('escurgency');
    policyId = (await esc.createPolicy([{ delayMinutes: 30, targets: [{ type: 'user', id: TAYLOR.id }] }]))
      .id;
    await esc.clock.fastForward(FRIDAY_22_AMSTERDAM - Date.now());
  }, 60_000);
  afterAll(() => esc.close());

  it('holds a low-urgency incident at 22:00 on a Friday until 08:00 on Monday, across the change to summer time; high urgency pages at once', async () => {
    await esc.useForDemoService(policyId, BUSINESS_HOURS);
    const low = await esc.trigger('Disk 80% full on FS02');
    const held = await esc.watch.waitForFact(low.incidentId, 'PagingHeld');
    expect(held.data).toMatchObject({ until: MONDAY_08_AMSTERDAM });
    expect(await esc.escalation(low.incidentId)).toMatchObject({ phase: 'held', heldUntil: MONDAY_08_AMSTERDAM });

    await esc.useForDemoService(policyId, { kind: 'constant', urgency: 'high' });
    const high = await esc.trigger('Domain controller down');
    const [page] = await esc.watch.waitForPages(high.incidentId, 1);
    expect(page).toMatchObject({ userId: TAYLOR.id, urgency: 'high' });
    expect(Date.parse(page.requestedAt) - Date.parse(high.triggeredAt)).toBeLessThan(5_000);

    // Saturday, Sunday and Monday 07:58 local: still held (57 hours after Friday 22:00, not 58).
    const monday = Date.parse(MONDAY_08_AMSTERDAM);
    await esc.clock.fastForward(monday - 2 * MINUTE - esc.clock.now().getTime());
    await esc.untilAtRest();
    expect(esc.watch.pagesFor(low.incidentId)).toEqual([]);
    await esc.clock.fastForward(monday + 1_000 - esc.clock.now().getTime());
    const [released] = await esc.watch.waitForPages(low.incidentId, 1);
    expect(released).toMatchObject({ userId: TAYLOR.id, level: 1, urgency: 'high' });
    // Fired by the hold's timer once due: the clock was moved to a second past it.
    const late = Date.parse(released.requestedAt) - Date.parse(MONDAY_08_AMSTERDAM);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(5_000);
    await waitFor('the release on record', () => esc.watch.factsFor(low.incidentId, 'PagingReleased')[0]);
  }, 60_000); // prettier-ignore

  it('pages no one for a held incident acknowledged before support hours begin', async () => {
    await esc.useForDemoService(policyId, BUSINESS_HOURS);
    // To a set moment, whichever test ran before: the clock only moves forward, and this is past them all.
    await esc.clock.fastForward(MONDAY_22_AMSTERDAM - esc.clock.now().getTime());
    const incident = await esc.trigger('UPS on battery');
    // 10 s was passed once in a full run (three runs alone: 2 s each); the file's 30 s stays the bound.
    await esc.watch.waitForFact(incident.incidentId, 'PagingHeld', 20_000);
    expect((await esc.incidents.act(esc.technician(), incident.incidentId, 'acknowledge')).status).toBe(200);
    await esc.watch.waitForFact(incident.incidentId, 'EscalationStopped');
    await esc.clock.fastForward(12 * HOUR);
    await esc.untilAtRest();
    expect(esc.watch.pagesFor(incident.incidentId)).toEqual([]);
  }, 30_000);
});
