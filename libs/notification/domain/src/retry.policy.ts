import type { DeliveryFailure } from './delivery-failure.classifier';
import type { Instant } from './notification.types';

export interface RetryPolicy {
  /** Ceiling of the first retry's delay; it doubles with each attempt up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Floor under the jitter, so an unlucky draw never retries in a tight loop. */
  readonly minDelayMs: number;
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
}

/**
 * 12 attempts spread over about 12 minutes on average (ceilings 2 s, 4 s … 5 min): long enough to ride
 * out a relay restart, short enough that a page is marked failed while the incident is still live.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 2_000,
  maxDelayMs: 300_000,
  minDelayMs: 1_000,
  maxAttempts: 12,
};

export interface FailedAttempt {
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly failedAt: Instant;
  readonly failure: DeliveryFailure;
}

export type RetryDecision =
  | {
      readonly action: 'retry';
      readonly attempt: number;
      readonly retryAt: Instant;
      readonly delayMs: number;
    }
  | { readonly action: 'give-up'; readonly reason: 'permanent-failure' | 'attempts-exhausted' };

/**
 * After a failed attempt: give up on a permanent failure or after the last attempt, else retry after
 * exponential backoff with full jitter (a uniform draw below the ceiling), so senders that failed
 * together during an outage do not all come back at the same instant. `random` is a draw in [0, 1).
 */
export function nextAttempt(
  failed: FailedAttempt,
  random: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  if (!(random >= 0 && random < 1)) throw new RangeError(`random must be in [0, 1), got ${random}`);
  if (failed.failure.kind === 'permanent') return { action: 'give-up', reason: 'permanent-failure' };
  if (failed.attempt >= policy.maxAttempts) return { action: 'give-up', reason: 'attempts-exhausted' };
  const delayMs = Math.max(policy.minDelayMs, Math.floor(random * backoffCeilingMs(failed.attempt, policy)));
  const retryAt = new Date(Date.parse(failed.failedAt) + delayMs).toISOString();
  return { action: 'retry', attempt: failed.attempt + 1, retryAt, delayMs };
}

/** The largest delay after attempt `attempt`: base · 2^(attempt-1), capped. */
export function backoffCeilingMs(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}
