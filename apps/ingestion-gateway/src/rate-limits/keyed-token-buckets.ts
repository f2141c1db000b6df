import { LRUCache } from 'lru-cache';
import { refilled, takeToken, TokenBucket, TokenBucketPolicy, waitForOneToken } from './token-bucket';

/** Refused: retry after this many whole seconds (what Retry-After carries). */
export interface Refusal {
  retryAfterSeconds: number;
}

/**
 * One token bucket per key (integration, source address) in bounded memory: the least recently used key
 * is forgotten beyond `maxKeys`, which only ever gives it a full bucket back. Time is monotonic
 * milliseconds, not the platform clock: a test clock's jumps must not refill anyone's bucket.
 */
export class KeyedTokenBuckets {
  private readonly buckets: LRUCache<string, TokenBucket>;

  constructor(
    private readonly policy: TokenBucketPolicy,
    maxKeys: number,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    this.buckets = new LRUCache<string, TokenBucket>({ max: maxKeys });
  }

  /** Takes a token for `key`, or says how long to wait. */
  take(key: string): Refusal | undefined {
    const outcome = takeToken(this.buckets.get(key), this.policy, this.nowMs());
    this.buckets.set(key, outcome.bucket);
    return outcome.taken ? undefined : refusalAfter(outcome.retryAfterMs);
  }

  /** Whether `key` has nothing left, without taking anything (a full bucket is not even stored). */
  exhausted(key: string): Refusal | undefined {
    const stored = this.buckets.get(key);
    if (!stored) return undefined;
    const waitMs = waitForOneToken(refilled(stored, this.policy, this.nowMs()), this.policy);
    return waitMs > 0 ? refusalAfter(waitMs) : undefined;
  }

  get size(): number {
    return this.buckets.size;
  }
}

function refusalAfter(waitMs: number): Refusal {
  return { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
