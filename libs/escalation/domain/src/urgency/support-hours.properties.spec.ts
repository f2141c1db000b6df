import fc from 'fast-check';
import { isWithinSupportHours, nextSupportHoursStart } from './support-hours';
import type { SupportHoursUrgencyRule } from './urgency-rule.types';

// Naive model: read the zone's wall clock (Intl) and compare it with the rule's text, step by step.
// Start and end avoid 02:00–03:59, where a reading can be skipped or repeated and rule 6 decides.
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

function naiveWithin(rule: SupportHoursUrgencyRule, epochMs: number): boolean {
  const { weekday, time } = wallClock(rule.timeZone, epochMs);
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  if (rule.start < rule.end) return rule.days.includes(weekday) && rule.start <= time && time < rule.end;
  return (
    (rule.days.includes(weekday) && time >= rule.start) || (rule.days.includes(yesterday) && time < rule.end)
  );
}

function naiveNextStart(rule: SupportHoursUrgencyRule, fromMs: number): string | null {
  for (let t = fromMs; t < fromMs + 9 * 24 * 3_600_000; t += QUARTER_MS) {
    if (naiveWithin(rule, t) && !naiveWithin(rule, t - QUARTER_MS)) return new Date(t).toISOString();
  }
  return null;
}

const hour = fc
  .constantFrom(0, 1, 4, 5, 6, 7, 8, 9, 12, 17, 18, 20, 22, 23)
  .map((h) => `${String(h).padStart(2, '0')}:00`);
const rule: fc.Arbitrary<SupportHoursUrgencyRule> = fc
  .record({
    timeZone: fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Australia/Sydney'),
    days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    start: hour,
    end: hour,
  })
  .filter(({ start, end }) => start !== end)
  .map((fields) => ({ kind: 'support-hours', during: 'high', outside: 'low', ...fields }));
// Quarter hours through 2024, which holds both DST changes of each zone.
const quarter = fc.integer({ min: 0, max: 366 * 96 }).map((k) => Date.UTC(2024, 0, 1) + k * QUARTER_MS);

describe('support hours against a wall-clock model', () => {
  it('inside or outside agrees at every quarter hour', () => {
    fc.assert(
      fc.property(rule, quarter, (hours, at) => {
        expect(isWithinSupportHours(hours, new Date(at).toISOString())).toBe(naiveWithin(hours, at));
      }),
      { numRuns: 500 },
    );
  });

  it('the next start is the first quarter hour at which the model enters the hours', () => {
    fc.assert(
      fc.property(rule, quarter, (hours, at) => {
        expect(nextSupportHoursStart(hours, new Date(at).toISOString())).toBe(naiveNextStart(hours, at));
      }),
      { numRuns: 100 },
    );
  });
});
