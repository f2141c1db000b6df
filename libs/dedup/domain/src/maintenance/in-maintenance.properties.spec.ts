import fc from 'fast-check';
import { inMaintenance, WeeklyMaintenance } from './maintenance-window';

// Naive model: read the zone's wall clock (Intl) and compare it with the window's text. Start and end
// avoid 01:00–03:59, where DST skips or repeats readings and the window's continuity rule decides.
const QUARTER_MS = 15 * 60_000;
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string, epochMs: number): { weekday: number; time: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    const options = {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    } as const;
    format = new Intl.DateTimeFormat('en-US', options);
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(epochMs).map((part) => [part.type, part.value]));
  return { weekday: WEEKDAYS[parts.weekday], time: `${parts.hour}:${parts.minute}` };
}

function naiveInside(window: WeeklyMaintenance, epochMs: number): boolean {
  const { weekday, time } = wallClock(window.timeZone, epochMs);
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  if (window.start < window.end)
    return window.days.includes(weekday) && window.start <= time && time < window.end;
  return (
    (window.days.includes(weekday) && time >= window.start) ||
    (window.days.includes(yesterday) && time < window.end)
  );
}

const hour = fc.constantFrom(0, 4, 5, 8, 12, 17, 20, 22, 23).map((h) => `${String(h).padStart(2, '0')}:00`);
const window: fc.Arbitrary<WeeklyMaintenance> = fc
  .record({
    timeZone: fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Australia/Sydney'),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    start: hour,
    end: hour,
  })
  .filter(({ start, end }) => start !== end)
  .map((fields) => ({ windowId: 'w', scope: { clientId: 'c' }, kind: 'weekly', ...fields }));
// Quarter hours through 2026, which holds both DST changes of each zone.
const quarter = fc.integer({ min: 0, max: 365 * 96 }).map((k) => Date.UTC(2026, 0, 1) + k * QUARTER_MS);

describe('weekly maintenance against a wall-clock model', () => {
  it('inside or outside agrees at every quarter hour', () => {
    fc.assert(
      fc.property(window, quarter, (w, at) => {
        expect(inMaintenance(new Date(at).toISOString(), [w]) !== null).toBe(naiveInside(w, at));
      }),
      { numRuns: 2_000 },
    );
  });
});
