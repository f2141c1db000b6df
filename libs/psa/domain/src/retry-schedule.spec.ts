import fc from 'fast-check';
import { PSA_RETRY_CEILINGS_MS, retryDelayMs } from './retry-schedule';

describe('retryDelayMs', () => {
  it.each([
    [1, 0, 1_000],
    [1, 0.999999, 2_000],
    [4, 0.5, 22_500],
    [9, 0, 450_000],
    [50, 0.999999, 900_000],
  ])('after attempt %i with draw %d waits %i ms', (attempt, random, delay) => {
    expect(retryDelayMs(attempt, random)).toBe(delay);
  });

  it('stays between half the ceiling and the ceiling, never shrinking as attempts grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const ceiling = PSA_RETRY_CEILINGS_MS[Math.min(attempt, PSA_RETRY_CEILINGS_MS.length) - 1];
        const delay = retryDelayMs(attempt, random);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(retryDelayMs(attempt + 1, 0)).toBeGreaterThanOrEqual(retryDelayMs(attempt, 0));
      }),
    ); // prettier-ignore
  });

  it('refuses a draw outside [0, 1)', () => {
    expect(() => retryDelayMs(1, 1)).toThrow(RangeError);
  });
});
