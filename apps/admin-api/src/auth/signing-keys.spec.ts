import { KeySourceUnavailableError, PublicSigningKey, SigningKeys } from './signing-keys';

/** A key source the test controls: what it publishes, whether it answers, and how often it was read. */
class KeySource {
  published: PublicSigningKey[] = [];
  down = false;
  reads = 0;

  read = async (): Promise<PublicSigningKey[]> => {
    this.reads += 1;
    if (this.down) throw new Error('connect ECONNREFUSED');
    return this.published;
  };
}

const key = (kid: string): PublicSigningKey => ({ kid, publicKey: `PEM of ${kid}` });
const INTERVAL_MS = 40;

describe('SigningKeys', () => {
  let source: KeySource;
  let keys: SigningKeys;

  beforeEach(() => {
    source = new KeySource();
    source.published = [key('a'), key('b')];
    keys = new SigningKeys(source.read, { maxAgeMs: 60_000, refetchIntervalMs: INTERVAL_MS });
  });

  it('reads the whole set once and answers every key it lists from it', async () => {
    expect(await keys.keyFor('a')).toBe('PEM of a');
    expect(await keys.keyFor('b')).toBe('PEM of b');
    expect(source.reads).toBe(1);
  });

  it('answers a flood of unknown key ids with "no key", one read per interval, known keys at once', async () => {
    await keys.keyFor('a');
    let floodAnswered = false;
    const flood = Promise.all(Array.from({ length: 500 }, (_, i) => keys.keyFor(`forged-${i}`)));
    void flood.then(() => (floodAnswered = true));
    expect(await keys.keyFor('b')).toBe('PEM of b');
    expect(floodAnswered).toBe(false); // the known key did not wait for the next read
    expect(new Set(await flood)).toEqual(new Set([undefined]));
    expect(source.reads).toBe(2);
  });

  it('finds a key published after the last read within one interval', async () => {
    await keys.keyFor('a');
    source.published = [key('a'), key('c')];
    expect(await keys.keyFor('c')).toBe('PEM of c');
    // The set replaced the old one: a withdrawn key no longer verifies anything.
    expect(await keys.keyFor('b')).toBeUndefined();
  });

  it('keeps the keys it knows while the source is down: known keys verify, unknown ones are "no key"', async () => {
    await keys.keyFor('a');
    source.down = true;
    expect(await keys.keyFor('zzz')).toBeUndefined();
    expect(await keys.keyFor('a')).toBe('PEM of a');
  });

  it('reports the source unavailable only while no key was ever read', async () => {
    source.down = true;
    await expect(keys.keyFor('a')).rejects.toBeInstanceOf(KeySourceUnavailableError);
    await expect(keys.keyFor('a')).rejects.toThrow('ECONNREFUSED');
    source.down = false;
    expect(await keys.keyFor('a')).toBe('PEM of a');
  });

  it('re-reads a set older than maxAge in the background, answering from the old set meanwhile', async () => {
    let now = 1_000; // lru-cache reads a start time of 0 as "no expiry"; a monotonic clock is never 0
    keys = new SigningKeys(source.read, { maxAgeMs: 1_000, refetchIntervalMs: 0, now: () => now });
    await keys.keyFor('a');
    now = 3_000;
    source.published = [key('a2')];
    expect(await keys.keyFor('a')).toBe('PEM of a');
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.reads).toBe(2);
    expect(await keys.keyFor('a2')).toBe('PEM of a2');
  });

  it('takes the only key of a set for a token without a key id, and none of a larger set', async () => {
    expect(await keys.keyFor(undefined)).toBeUndefined();
    source.published = [key('only')];
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    expect(await keys.keyFor('only')).toBe('PEM of only');
    expect(await keys.keyFor(undefined)).toBe('PEM of only');
  });
});
