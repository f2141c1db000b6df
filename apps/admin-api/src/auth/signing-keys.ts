import { LRUCache } from 'lru-cache';
import { performance } from 'node:perf_hooks';

/** A public key of the key set, as the JWKS client converted it (PEM). */
export interface PublicSigningKey {
  kid: string | undefined;
  publicKey: string;
}

export interface SigningKeysOptions {
  /** After this, known keys are still used but the set is re-read in the background. */
  maxAgeMs: number;
  /** At most one read of the key source per this interval, whatever asks for it. */
  refetchIntervalMs: number;
  /** Monotonic milliseconds; a parameter so that tests control time. */
  now?: () => number;
}

/**
 * The key source could not be read and no key is known: the token may well be good, so the caller is told
 * to try again (503), not to sign in again (401).
 */
export class KeySourceUnavailableError extends Error {
  constructor(cause: unknown) {
    const reason =
      cause instanceof Error ? cause.message : String((cause as { errorMsg?: unknown })?.errorMsg ?? cause);
    super(`The token signing keys could not be fetched: ${reason}`, { cause });
    this.name = 'KeySourceUnavailableError';
  }
}

/**
 * The signing keys of one key source (Hub's JWKS), read whole and kept in the platform's one kind of cache
 * (lru-cache: TTL `maxAgeMs`, stale-while-revalidate, ADR 0191): a key id the set does not list never costs
 * the keys it does list, and a set older than `maxAgeMs` still answers while it is re-read in the background.
 * Reads of the source are single-flight (the cache shares one fetch) and at most one per
 * `refetchIntervalMs`: a lookup of an unknown key id waits for the next allowed read (shared with every
 * other lookup waiting meanwhile) and then answers the key or "no such key", so a flood of made-up key ids
 * makes one read per interval and a key Hub has just published is found within one interval. A failed read
 * keeps the keys known so far; only a lookup with no key known at all fails (KeySourceUnavailableError).
 */
export class SigningKeys {
  private readonly cache: LRUCache<typeof KEY_SET, Map<string, string>>;
  private lastReadAt = -Infinity;
  private lastError: unknown;
  private readonly now: () => number;

  constructor(
    private readonly readSource: () => Promise<PublicSigningKey[]>,
    private readonly options: SigningKeysOptions,
  ) {
    const now = options.now ?? (() => performance.now());
    this.now = now;
    this.cache = new LRUCache({
      max: 1,
      ttl: options.maxAgeMs,
      perf: { now },
      ttlResolution: 0,
      allowStale: true,
      noDeleteOnFetchRejection: true,
      allowStaleOnFetchRejection: true,
      fetchMethod: () => this.readAfterInterval(),
    });
  }

  /** The public key for `kid`; undefined when the key set does not list it (the token is then a 401). */
  async keyFor(kid: string | undefined): Promise<string | undefined> {
    const hadSet = this.cache.peek(KEY_SET, { allowStale: true }) !== undefined;
    // A known set answers at once, even when older than maxAge: the cache re-reads it in the background.
    const set = await this.cache.fetch(KEY_SET);
    if (set === undefined) throw new KeySourceUnavailableError(this.lastError);
    const found = lookup(set, kid);
    if (found !== undefined || !hadSet) return found;
    // An unknown key id: perhaps one Hub published since the last read.
    return lookup(await this.cache.fetch(KEY_SET, { forceRefresh: true, allowStale: false }), kid);
  }

  /** The next read of the source, as soon as the interval since the last one allows. */
  private async readAfterInterval(): Promise<Map<string, string> | undefined> {
    await delay(Math.max(0, this.lastReadAt + this.options.refetchIntervalMs - this.now()));
    this.lastReadAt = this.now();
    try {
      const keys = await this.readSource();
      // The set replaces the old one: a key Hub withdrew stops verifying tokens.
      return new Map(keys.map((key) => [key.kid ?? '', key.publicKey]));
    } catch (error) {
      this.lastError = error;
      throw error;
    }
  }
}

const KEY_SET = 'key-set';

/** Without a key id, a set of exactly one key names it (as jwks-rsa did). */
function lookup(keys: Map<string, string> | undefined, kid: string | undefined): string | undefined {
  if (!keys) return undefined;
  if (kid !== undefined) return keys.get(kid);
  return keys.size === 1 ? [...keys.values()][0] : undefined;
}

function delay(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
