import { snapshotPolicy } from '../policy-snapshot';
import { fakeTargetLookup } from '../testing/fake-target-lookup';
import { BUSINESS_HOURS, context, INCIDENT, POLICY, t, T0, triggered } from '../testing/escalation.fixtures';
import { simulateEscalation } from '../testing/simulate-escalation';
import type { EscalationDecision } from './escalation.decisions';
import type { IncidentInput, Triggered } from './escalation.inputs';

// Whole incidents driven like the service drives them, read as "what pages when".
function pagesOf(trigger: Triggered, events: IncidentInput[] = [], with_ = context): string[] {
  const { log } = simulateEscalation(trigger, events, with_);
  return log.map(({ decision }) => decision).filter(isPage).map((page) =>
    `${page.at} L${page.level} C${page.cycle} ${page.urgency}: ${page.recipients.map((r) => r.userId).join(', ')}`,
  );
} // prettier-ignore

const isPage = (decision: EscalationDecision) => decision.kind === 'page';
const acknowledgement = (at: string): IncidentInput => ({
  type: 'Acknowledged',
  incidentId: INCIDENT,
  at,
  incidentVersion: 2,
});
const businessHoursIn = (timeZone: string) =>
  triggered({ urgencyRule: { ...BUSINESS_HOURS, timeZone }, severity: 'warning' });

describe('escalation scenarios (schedules, teams and people from a fake target lookup)', () => {
  it.each([
    { case: 'Amsterdam, an ordinary weekend', zone: 'Europe/Amsterdam', at: '2024-05-03T20:00:00.000Z', pagesAt: '2024-05-06T06:00:00.000Z' },
    { case: 'Amsterdam, clocks forward on Sunday', zone: 'Europe/Amsterdam', at: '2024-03-29T21:00:00.000Z', pagesAt: '2024-04-01T06:00:00.000Z' },
    { case: 'Amsterdam, clocks back on Sunday', zone: 'Europe/Amsterdam', at: '2024-10-25T20:00:00.000Z', pagesAt: '2024-10-28T07:00:00.000Z' },
    { case: 'New York, clocks forward on Sunday', zone: 'America/New_York', at: '2024-03-09T03:00:00.000Z', pagesAt: '2024-03-11T12:00:00.000Z' },
    { case: 'New York, clocks back on Sunday', zone: 'America/New_York', at: '2024-11-02T02:00:00.000Z', pagesAt: '2024-11-04T13:00:00.000Z' },
  ])('low urgency at 22:00 on a Friday pages at 08:00 on Monday, high urgency from then on ($case)', ({ zone, at, pagesAt }) => {
    const [first, second] = pagesOf({ ...businessHoursIn(zone), at });
    expect(first).toBe(`${pagesAt} L1 C1 high: alice`);
    expect(second).toBe(`${new Date(Date.parse(pagesAt) + 5 * 60_000).toISOString()} L2 C1 high: bob, carol`);
  }); // prettier-ignore

  it('a held incident acknowledged over the weekend never pages', () => {
    const fridayNight = { ...businessHoursIn('Europe/Amsterdam'), at: '2024-05-03T20:00:00.000Z' };
    expect(pagesOf(fridayNight, [acknowledgement('2024-05-04T09:00:00.000Z')])).toEqual([]);
  });

  it('high urgency on a Friday night pages at once', () => {
    const critical = { ...businessHoursIn('Europe/Amsterdam'), urgencyRule: { ...BUSINESS_HOURS, outside: 'high' as const } };
    expect(pagesOf({ ...critical, at: '2024-05-03T20:00:00.000Z' })[0]).toBe('2024-05-03T20:00:00.000Z L1 C1 high: alice');
  }); // prettier-ignore

  it('a schedule target is resolved when its step fires: an override made after the trigger is honoured', () => {
    const policy = snapshotPolicy({ ...POLICY, repeatCount: 0, steps: [
      { delayMinutes: 5, targets: [{ type: 'user', id: 'dave' }] },
      { delayMinutes: 5, targets: [{ type: 'schedule', id: 'technicians' }] },
    ] });
    const withOverride = fakeTargetLookup({
      activeUsers: ['alice', 'dave', 'erin'],
      schedules: { technicians: { name: 'Technicians 24/7', shifts: [{ from: T0, userIds: ['alice'] }, { from: t(3), userIds: ['erin'] }] } },
    });
    expect(pagesOf(triggered({ policy }), [], { ...context, lookup: withOverride })).toEqual([
      `${T0} L1 C1 high: dave`,
      `${t(5)} L2 C1 high: erin`,
    ]);
  }); // prettier-ignore

  it('auto-resolve asks incident-state to resolve at trigger + the timeout, while the walk goes on', () => {
    const trigger = triggered({ timeouts: { ackTimeoutSeconds: null, autoResolveSeconds: 20 * 60 } });
    const { log } = simulateEscalation(trigger, [], context);
    const commands = log.filter(({ decision }) => decision.kind === 'command').map(({ input }) => input.at);
    expect(commands).toEqual([t(20)]);
  });

  it('auto-resolve counts from the last touch: an acknowledgement at 15 moves it to 35', () => {
    const trigger = triggered({ timeouts: { ackTimeoutSeconds: null, autoResolveSeconds: 20 * 60 } });
    const { log } = simulateEscalation(trigger, [acknowledgement(t(15))], context);
    const commands = log.filter(({ decision }) => decision.kind === 'command').map(({ input }) => input.at);
    expect(commands).toEqual([t(35)]);
  });

  it('an acknowledgement that times out is handed back to incident-state, and its Unacknowledged pages from step 1', () => {
    const { log } = simulateEscalation(triggered(), [acknowledgement(t(7))], context);
    const command = log.find(({ decision }) => decision.kind === 'command');
    expect(command?.input.at).toBe(t(37));
    const handedBack: IncidentInput = { type: 'Unacknowledged', reason: 'ack-timeout', incidentId: INCIDENT, at: t(37), incidentVersion: 3 };
    expect(pagesOf(triggered(), [acknowledgement(t(7)), handedBack]).slice(2, 4)).toEqual([
      `${t(37)} L1 C1 high: alice`,
      `${t(42)} L2 C1 high: bob, carol`,
    ]);
  }); // prettier-ignore
});
