import fc from 'fast-check';
import {
  naiveWithinWeeklyHours,
  quarterHoursOf,
  weeklyHoursArbitrary,
} from '@oncall/scheduling-domain/testing';
import { inMaintenance, WeeklyMaintenance } from './maintenance-window';

// Start and end avoid 01:00–03:59, where DST skips or repeats readings and the window's continuity rule
// decides; the wall-clock model does not know that rule.
const window: fc.Arbitrary<WeeklyMaintenance> = weeklyHoursArbitrary([0, 4, 5, 8, 12, 17, 20, 22, 23]).map(
  (fields) => ({ windowId: 'w', scope: { clientId: 'c' }, kind: 'weekly', ...fields }),
);
const quarter = quarterHoursOf(2026);

describe('weekly maintenance against a wall-clock model', () => {
  it('inside or outside agrees at every quarter hour', () => {
    fc.assert(
      fc.property(window, quarter, (w, at) => {
        expect(inMaintenance(new Date(at).toISOString(), [w]) !== null).toBe(naiveWithinWeeklyHours(w, at));
      }),
      { numRuns: 2_000 },
    );
  });
});
