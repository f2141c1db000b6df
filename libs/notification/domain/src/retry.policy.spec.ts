import fc from 'fast-check';
import type { DeliveryFailure } from './delivery-failure.classifier';
import { backoffCeilingMs, DEFAULT_RETRY_POLICY, nextAttempt, type FailedAttempt } from './retry.policy';

const failedAt = '2027-03-01T02:00:00.000Z';
const transient: DeliveryFailure = { kind: 'transient', reason: 'smtp-unreachable' };
const failed = (attempt: number, failure: DeliveryFailure = transient): FailedAttempt => ({
  attempt,
  failedAt,
  failure,
});
const policy = { baseDelayMs: 2_000, maxDelayMs: 60_000, minDelayMs: 500, maxAttempts: 5 };

describe('nextAttempt', () => {
  it.each([
    { attempt: 1, random: 0.5, delayMs: 1_000 },
    { attempt: 2, random: 0.5, delayMs: 2_000 },
    { attempt: 3, random: 0.999, delayMs: 7_992 },
    { attempt: 4, random: 0.25, delayMs: 4_000 },
    { attempt: 1, random: 0, delayMs: 500 },
  ])('after attempt $attempt with draw $random, retries in $delayMs ms', ({ attempt, random, delayMs }) => {
    const retryAt = new Date(Date.parse(failedAt) + delayMs).toISOString();
    expect(nextAttempt(failed(attempt), random, policy)).toEqual({ action: 'retry', attempt: attempt + 1, retryAt, delayMs });
  }); // prettier-ignore

  it('gives up after the last attempt', () => {
    expect(nextAttempt(failed(5), 0.5, policy)).toEqual({ action: 'give-up', reason: 'attempts-exhausted' });
  });

  it('gives up at once on a permanent failure', () => {
    const refused = { kind: 'permanent' as const, reason: 'smtp-permanent-refusal' };
    expect(nextAttempt(failed(1, refused), 0.5, policy)).toEqual({
      action: 'give-up',
      reason: 'permanent-failure',
    });
  });

  it('refuses a draw outside [0, 1)', () => {
    expect(() => nextAttempt(failed(1), 1, policy)).toThrow('random must be in [0, 1), got 1');
  });

  it('caps the ceiling, also for absurd attempt numbers', () => {
    expect([1, 2, 3, 6, 7, 500].map((attempt) => backoffCeilingMs(attempt, policy))).toEqual([
      2_000, 4_000, 8_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('always waits between the floor and the ceiling (full jitter)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, random) => {
        const decision = nextAttempt(failed(attempt), random);
        if (decision.action !== 'retry') throw new Error('expected a retry');
        expect(decision.delayMs).toBeGreaterThanOrEqual(DEFAULT_RETRY_POLICY.minDelayMs);
        expect(decision.delayMs).toBeLessThanOrEqual(Math.max(DEFAULT_RETRY_POLICY.minDelayMs, backoffCeilingMs(attempt)));
      }),
    );
  }); // prettier-ignore

  it('by default rides out a 30 s outage on average many times over (expected wait over 10 minutes)', () => {
    const expectedWaitMs = Array.from({ length: DEFAULT_RETRY_POLICY.maxAttempts - 1 }, (_, i) => backoffCeilingMs(i + 1) / 2);
    expect(expectedWaitMs.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThan(600_000);
  }); // prettier-ignore
});
