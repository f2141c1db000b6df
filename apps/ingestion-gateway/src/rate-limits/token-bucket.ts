/** Sustained rate and burst of a token bucket: `burst` requests at once, then `ratePerSecond`. */
export interface TokenBucketPolicy {
  ratePerSecond: number;
  burst: number;
}

/** Tokens left at a moment (monotonic milliseconds). */
export interface TokenBucket {
  tokens: number;
  atMs: number;
}

/** Refill is computed in floating point: a sender told to wait exactly long enough must then get its token. */
const WHOLE_TOKEN = 1 - 1e-9;

export type TakeOutcome =
  { taken: true; bucket: TokenBucket } | { taken: false; bucket: TokenBucket; retryAfterMs: number };

/** The bucket at `nowMs`: refilled for the time since it was last seen, never above the burst. A new one is full. */
export function refilled(
  bucket: TokenBucket | undefined,
  policy: TokenBucketPolicy,
  nowMs: number,
): TokenBucket {
  if (!bucket) return { tokens: policy.burst, atMs: nowMs };
  const elapsedMs = Math.max(0, nowMs - bucket.atMs);
  const tokens = Math.min(policy.burst, bucket.tokens + (elapsedMs * policy.ratePerSecond) / 1000);
  return { tokens, atMs: Math.max(nowMs, bucket.atMs) };
}

/** Takes one token if there is one; otherwise says how long until there will be. */
export function takeToken(
  bucket: TokenBucket | undefined,
  policy: TokenBucketPolicy,
  nowMs: number,
): TakeOutcome {
  const current = refilled(bucket, policy, nowMs);
  if (current.tokens >= WHOLE_TOKEN)
    return { taken: true, bucket: { ...current, tokens: current.tokens - 1 } };
  return { taken: false, bucket: current, retryAfterMs: waitForOneToken(current, policy) };
}

/** How long until the bucket holds a whole token again (0 if it does). */
export function waitForOneToken(bucket: TokenBucket, policy: TokenBucketPolicy): number {
  return bucket.tokens >= WHOLE_TOKEN ? 0 : ((1 - bucket.tokens) * 1000) / policy.ratePerSecond;
}
