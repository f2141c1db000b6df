import { CachedLookup, CachedLookupOptions } from './cached-lookup';

class Unreachable extends Error {}

function lookup(overrides: Partial<CachedLookupOptions> = {}) {
  let now = 1_000_000;
  const cache = new CachedLookup<string>({
    freshMs: 3_000,
    staleIfUnavailableMs: 600_000,
    maxEntries: 3,
    maxMisses: 2,
    isUnavailable: (error) => error instanceof Unreachable,
    now: () => now,
    ...overrides,
  });
  return { cache, advance: (ms: number) => (now += ms) };
}

const answer = (value: string | null) => jest.fn().mockResolvedValue(value);
const failing = (error: Error) => jest.fn().mockRejectedValue(error);

describe('CachedLookup', () => {
  it('answers from the cache while fresh, and asks again once it is not', async () => {
    const { cache, advance } = lookup();
    const fetch = answer('A');
    await cache.get('k', fetch);
    advance(2_999);
    expect(await cache.get('k', fetch)).toBe('A');
    expect(fetch).toHaveBeenCalledTimes(1);
    advance(1);
    await cache.get('k', answer('B'));
    expect(await cache.get('k', fetch)).toBe('B');
  });

  it('lets a stale answer, found or not, stand in while the source is unreachable, up to its limit', async () => {
    const { cache, advance } = lookup();
    await cache.get('found', answer('A'));
    await cache.get('missing', answer(null));
    advance(599_999);
    expect(await cache.get('found', failing(new Unreachable()))).toBe('A');
    expect(await cache.get('missing', failing(new Unreachable()))).toBeNull();
    advance(1);
    await expect(cache.get('found', failing(new Unreachable()))).rejects.toBeInstanceOf(Unreachable);
  });

  it('passes other failures on even with a cached answer', async () => {
    const { cache, advance } = lookup();
    await cache.get('k', answer('A'));
    advance(3_000);
    await expect(cache.get('k', failing(new Error('bug')))).rejects.toThrow('bug');
  });

  it('evicts the oldest answer when full, not all of them', async () => {
    const { cache } = lookup();
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, answer(key.toUpperCase()));
    expect(cache.size).toEqual({ found: 3, missing: 0 });
    const fetch = answer('fresh');
    for (const key of ['b', 'c', 'd']) expect(await cache.get(key, fetch)).toBe(key.toUpperCase());
    expect(await cache.get('a', fetch)).toBe('fresh');
  });

  it('keeps not-found answers apart, so a flood of unknown keys cannot evict known ones', async () => {
    const { cache } = lookup();
    await cache.get('known', answer('K'));
    for (let i = 0; i < 100; i++) await cache.get(`unknown-${i}`, answer(null));
    expect(cache.size).toEqual({ found: 1, missing: 2 });
    const fetch = answer('other');
    expect(await cache.get('known', fetch)).toBe('K');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('forgets a not-found answer once the key is found, and the other way round', async () => {
    const { cache, advance } = lookup();
    await cache.get('k', answer(null));
    advance(3_000);
    await cache.get('k', answer('A'));
    expect(cache.size).toEqual({ found: 1, missing: 0 });
    advance(3_000);
    await cache.get('k', answer(null));
    expect(cache.size).toEqual({ found: 0, missing: 1 });
  });
});
