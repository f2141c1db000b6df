import { inMaintenance, MaintenanceWindow, WeeklyMaintenance, windowsCovering } from './maintenance-window';
import { validateMaintenanceWindow } from './validate-maintenance-window';

function weekly(timeZone: string, days: number[], start: string, end: string): WeeklyMaintenance {
  return { windowId: 'w-1', scope: { clientId: 'client-1' }, kind: 'weekly', timeZone, days, start, end };
}

const patchNight = weekly('Europe/Amsterdam', [2], '22:00', '02:00');
const amsterdamSaturdayNight = weekly('Europe/Amsterdam', [6], '22:00', '04:00');
const amsterdamUntilHalfPastTwo = weekly('Europe/Amsterdam', [6], '23:00', '02:30');
const newYorkSaturdayNight = weekly('America/New_York', [6], '22:00', '02:00');
const newYorkRepeatedHour = weekly('America/New_York', [7], '01:15', '01:45');

describe('inMaintenance: weekly windows on the client’s clock', () => {
  // prettier-ignore
  it.each<[string, WeeklyMaintenance, string, boolean]>([
    ['Tuesday 22:00–02:00: not before 22:00 (CET)', patchNight, '2026-03-03T20:59:59Z', false],
    ['Tuesday 22:00–02:00: from 22:00', patchNight, '2026-03-03T21:00:00Z', true],
    ['Tuesday 22:00–02:00: past midnight, into Wednesday', patchNight, '2026-03-04T00:30:00Z', true],
    ['Tuesday 22:00–02:00: until 02:00', patchNight, '2026-03-04T01:00:00Z', false],
    ['Tuesday 22:00–02:00: not on Wednesday night', patchNight, '2026-03-04T21:30:00Z', false],
    ['Tuesday 22:00–02:00: in summer time (CEST) too', patchNight, '2026-07-07T20:00:00Z', true],

    ['Amsterdam spring forward, Sat 22:00–04:00: starts 22:00 CET', amsterdamSaturdayNight, '2026-03-28T21:00:00Z', true],
    ['Amsterdam spring forward, Sat 22:00–04:00: through the jump', amsterdamSaturdayNight, '2026-03-29T01:30:00Z', true],
    ['Amsterdam spring forward, Sat 22:00–04:00: ends 04:00 CEST (5 hours)', amsterdamSaturdayNight, '2026-03-29T02:00:00Z', false],
    ['Amsterdam spring forward, 23:00–02:30: the clock skips 02:30, so the window ends at the jump', amsterdamUntilHalfPastTwo, '2026-03-29T00:59:59Z', true],
    ['Amsterdam spring forward, 23:00–02:30: after the jump the clock shows 03:00', amsterdamUntilHalfPastTwo, '2026-03-29T01:00:00Z', false],

    ['Amsterdam fall back, Sat 22:00–04:00: starts 22:00 CEST', amsterdamSaturdayNight, '2026-10-24T20:00:00Z', true],
    ['Amsterdam fall back, Sat 22:00–04:00: through the repeated hour', amsterdamSaturdayNight, '2026-10-25T01:30:00Z', true],
    ['Amsterdam fall back, Sat 22:00–04:00: until 04:00 CET (7 hours)', amsterdamSaturdayNight, '2026-10-25T02:59:59Z', true],
    ['Amsterdam fall back, Sat 22:00–04:00: over at 04:00 CET', amsterdamSaturdayNight, '2026-10-25T03:00:00Z', false],
    ['Amsterdam fall back, 23:00–02:30: between the two 02:30s it is not interrupted', amsterdamUntilHalfPastTwo, '2026-10-25T00:45:00Z', true],
    ['Amsterdam fall back, 23:00–02:30: through the second 02:00–02:30 (CET)', amsterdamUntilHalfPastTwo, '2026-10-25T01:29:59Z', true],
    ['Amsterdam fall back, 23:00–02:30: over at the second 02:30', amsterdamUntilHalfPastTwo, '2026-10-25T01:30:00Z', false],

    ['New York spring forward, Sat 22:00–02:00: starts 22:00 EST', newYorkSaturdayNight, '2026-03-08T03:00:00Z', true],
    ['New York spring forward, Sat 22:00–02:00: 02:00 is skipped, the window ends at the jump', newYorkSaturdayNight, '2026-03-08T06:59:59Z', true],
    ['New York spring forward, Sat 22:00–02:00: the clock now shows 03:00 EDT', newYorkSaturdayNight, '2026-03-08T07:00:00Z', false],
    ['New York fall back, Sat 22:00–02:00: starts 22:00 EDT', newYorkSaturdayNight, '2026-11-01T02:00:00Z', true],
    ['New York fall back, Sat 22:00–02:00: through both 01:xx hours', newYorkSaturdayNight, '2026-11-01T06:30:00Z', true],
    ['New York fall back, Sat 22:00–02:00: over at 02:00 EST (5 hours)', newYorkSaturdayNight, '2026-11-01T07:00:00Z', false],
    ['New York fall back, Sun 01:15–01:45: from the first 01:15 (EDT)', newYorkRepeatedHour, '2026-11-01T05:15:00Z', true],
    ['New York fall back, Sun 01:15–01:45: not interrupted between the two passes', newYorkRepeatedHour, '2026-11-01T05:50:00Z', true],
    ['New York fall back, Sun 01:15–01:45: until the second 01:45 (EST)', newYorkRepeatedHour, '2026-11-01T06:44:59Z', true],
    ['New York fall back, Sun 01:15–01:45: over at the second 01:45', newYorkRepeatedHour, '2026-11-01T06:45:00Z', false],
  ])('%s', (_, window, at, inside) => {
    expect(inMaintenance(at, [window])).toBe(inside ? window : null);
  });

  it('honours the series bounds', () => {
    const bounded = { ...patchNight, from: '2026-03-10T00:00:00Z', until: '2026-03-18T00:00:00Z' };
    expect(
      ['2026-03-03T21:30:00Z', '2026-03-10T21:30:00Z', '2026-03-17T21:30:00Z', '2026-03-17T23:30:00Z'].map(
        (at) => inMaintenance(at, [bounded]) !== null,
      ),
    ).toEqual([false, true, true, true]);
    expect(inMaintenance('2026-03-24T21:30:00Z', [bounded])).toBeNull();
  });
});

describe('inMaintenance: one-off windows and several windows', () => {
  const upgrade: MaintenanceWindow = {
    windowId: 'w-upgrade',
    scope: { serviceId: 'svc-1' },
    kind: 'one-off',
    startsAt: '2026-05-01T18:00:00Z',
    endsAt: '2026-05-01T20:00:00Z',
  };

  it.each([
    ['2026-05-01T17:59:59Z', null],
    ['2026-05-01T18:00:00Z', 'w-upgrade'],
    ['2026-05-01T19:59:59.999Z', 'w-upgrade'],
    ['2026-05-01T20:00:00Z', null],
  ])('at %s: %s', (at, windowId) => {
    expect(inMaintenance(at, [upgrade])?.windowId ?? null).toBe(windowId);
  });

  it('answers the first window that covers the instant', () => {
    const second = { ...upgrade, windowId: 'w-second' };
    expect(inMaintenance('2026-05-01T19:00:00Z', [patchNight, upgrade, second])?.windowId).toBe('w-upgrade');
  });

  it("picks the windows of the alert's service and of its client", () => {
    const mine = [upgrade, patchNight];
    const others: MaintenanceWindow[] = [
      { ...upgrade, windowId: 'w-3', scope: { serviceId: 'svc-2' } },
      { ...patchNight, windowId: 'w-4', scope: { clientId: 'client-2' } },
    ];
    expect(windowsCovering({ serviceId: 'svc-1', clientId: 'client-1' }, [...mine, ...others])).toEqual(mine);
    expect(windowsCovering({ serviceId: 'svc-1', clientId: null }, [...mine, ...others])).toEqual([upgrade]);
  });
});

describe('validateMaintenanceWindow', () => {
  const oneOff = {
    windowId: 'w-1',
    scope: { serviceId: 'svc-1' },
    kind: 'one-off',
    startsAt: '2026-05-01T18:00:00Z',
    endsAt: '2026-05-01T20:00:00Z',
  };

  // prettier-ignore
  it.each<[string, unknown, string[]]>([
    ['a one-off window', oneOff, []],
    ['a weekly window', patchNight, []],
    ['a window that ends before it starts', { ...oneOff, endsAt: '2026-05-01T17:00:00Z' }, ['window.endsAt']],
    ['a one-off window of 32 days', { ...oneOff, endsAt: '2026-06-02T18:00:00Z' }, ['window.endsAt']],
    ['an instant without offset', { ...oneOff, startsAt: '2026-05-01T18:00:00' }, ['window.startsAt']],
    ['a scope naming both', { ...oneOff, scope: { serviceId: 'svc-1', clientId: 'c' } }, ['window.scope']],
    ['an unknown kind', { ...oneOff, kind: 'monthly' }, ['window.kind']],
    ['an unknown zone', { ...patchNight, timeZone: 'Europe/Atlantis' }, ['window.timeZone']],
    ['no days', { ...patchNight, days: [] }, ['window.days']],
    ['day 8', { ...patchNight, days: [2, 8] }, ['window.days']],
    ['a repeated day', { ...patchNight, days: [2, 2] }, ['window.days']],
    ['24:00', { ...patchNight, end: '24:00' }, ['window.end']],
    ['a window of no length', { ...patchNight, end: '22:00' }, ['window.end']],
    ['a bad series bound', { ...patchNight, until: 'next year' }, ['window.until']],
    ['no window at all', 'Tuesday 22:00', ['window']],
  ])('%s', (_, window, fields) => {
    expect(validateMaintenanceWindow(window).map((problem) => problem.field)).toEqual(fields);
  });
});
