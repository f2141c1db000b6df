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
 * The signing keys of one key source (Hub's JWKS), read whole and kept: a key id the set does not list
 * never costs the keys it does list. Reads of the source are single-flight and at most one per
 * `refetchIntervalMs`: a lookup of an unknown key id waits for the next allowed read (shared with every
 * other lookup waiting meanwhile) and then answers the key or "no such key", so a flood of made-up key ids
 * makes one read per interval and a key Hub has just published is found within one interval. A failed read
 * keeps the keys known so far; only a lookup with no key known at all fails (KeySourceUnavailableError).
 */
export class SigningKeys {
  private keys = new Map<string, string>();
  private loaded = false;
  private loadedAt = -Infinity;
  private lastReadAt = -Infinity;
  private lastError: unknown;
  private nextRead?: Promise<void>;
  private readonly now: () => number;

  constructor(
    private readonly readSource: () => Promise<PublicSigningKey[]>,
    private readonly options: SigningKeysOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  /** The public key for `kid`; undefined when the key set does not list it (the token is then a 401). */
  async keyFor(kid: string | undefined): Promise<string | undefined> {
    const known = this.lookup(kid);
    if (known !== undefined) {
      if (this.now() - this.loadedAt > this.options.maxAgeMs) void this.read();
      return known;
    }
    await this.read();
    const found = this.lookup(kid);
    if (found === undefined && !this.loaded) throw new KeySourceUnavailableError(this.lastError);
    return found;
  }

  /** Without a key id, a set of exactly one key names it (as jwks-rsa did). */
  private lookup(kid: string | undefined): string | undefined {
    if (kid !== undefined) return this.keys.get(kid);
    return this.keys.size === 1 ? [...this.keys.values()][0] : undefined;
  }

  /** The next read of the source: the one in flight, else one now or as soon as the interval allows. */
  private read(): Promise<void> {
    if (!this.nextRead) {
      const wait = Math.max(0, this.lastReadAt + this.options.refetchIntervalMs - this.now());
      this.nextRead = delay(wait)
        .then(() => this.readNow())
        .finally(() => {
          this.nextRead = undefined;
        });
    }
    return this.nextRead;
  }

  private async readNow(): Promise<void> {
    this.lastReadAt = this.now();
    try {
      const keys = await this.readSource();
      // The set replaces the old one: a key Hub withdrew stops verifying tokens.
      this.keys = new Map(keys.map((key) => [key.kid ?? '', key.publicKey]));
      this.loaded = true;
      this.loadedAt = this.now();
    } catch (error) {
      this.lastError = error;
    }
  }
}

function delay(ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
