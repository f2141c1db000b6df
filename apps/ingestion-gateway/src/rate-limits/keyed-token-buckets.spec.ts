import { KeyedTokenBuckets } from './keyed-token-buckets';

function buckets(maxKeys = 10) {
  let now = 0;
  const limiter = new KeyedTokenBuckets({ ratePerSecond: 2, burst: 2 }, maxKeys, () => now);
  return { limiter, advance: (ms: number) => (now += ms) };
}

describe('KeyedTokenBuckets', () => {
  it('limits each key on its own', () => {
    const { limiter } = buckets();
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([
      undefined,
      undefined,
      { retryAfterSeconds: 1 },
    ]);
    expect(limiter.take('b')).toBeUndefined();
  });

  it('rounds the wait up to whole seconds, at least one', () => {
    const { limiter, advance } = buckets();
    limiter.take('a');
    limiter.take('a');
    advance(400);
    expect(limiter.take('a')).toEqual({ retryAfterSeconds: 1 });
    advance(100);
    expect(limiter.take('a')).toBeUndefined();
  });

  it('tells an exhausted key without taking from it', () => {
    const { limiter, advance } = buckets();
    expect(limiter.exhausted('a')).toBeUndefined();
    expect(limiter.size).toBe(0);
    limiter.take('a');
    expect(limiter.exhausted('a')).toBeUndefined();
    limiter.take('a');
    expect(limiter.exhausted('a')).toEqual({ retryAfterSeconds: 1 });
    advance(500);
    expect(limiter.exhausted('a')).toBeUndefined();
    expect(limiter.take('a')).toBeUndefined();
  });

  it('keeps at most maxKeys buckets, forgetting the least recently used', () => {
    const { limiter } = buckets(3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) limiter.take(key);
    expect(limiter.size).toBe(3);
  });
});
