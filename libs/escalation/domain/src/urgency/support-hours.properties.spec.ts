import fc from 'fast-check';
import {
  naiveWithinWeeklyHours,
  QUARTER_MS,
  quarterHoursOf,
  weeklyHoursArbitrary,
} from '@oncall/scheduling-domain/testing';
import { isWithinSupportHours, nextSupportHoursStart } from './support-hours';
import type { SupportHoursUrgencyRule } from './urgency-rule.types';

function naiveNextStart(rule: SupportHoursUrgencyRule, fromMs: number): string | null {
  for (let t = fromMs; t < fromMs + 9 * 24 * 3_600_000; t += QUARTER_MS) {
    if (naiveWithinWeeklyHours(rule, t) && !naiveWithinWeeklyHours(rule, t - QUARTER_MS))
      return new Date(t).toISOString();
  }
  return null;
}

// Start and end avoid 02:00–03:59, where a reading can be skipped or repeated and rule 6 decides; the
// wall-clock model does not know that rule.
const rule: fc.Arbitrary<SupportHoursUrgencyRule> = weeklyHoursArbitrary([
  0, 1, 4, 5, 6, 7, 8, 9, 12, 17, 18, 20, 22, 23,
]).map((fields) => ({ kind: 'support-hours', during: 'high', outside: 'low', ...fields }));
const quarter = quarterHoursOf(2024);

describe('support hours against a wall-clock model', () => {
  it('inside or outside agrees at every quarter hour', () => {
    fc.assert(
      fc.property(rule, quarter, (hours, at) => {
        expect(isWithinSupportHours(hours, new Date(at).toISOString())).toBe(
          naiveWithinWeeklyHours(hours, at),
        );
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
