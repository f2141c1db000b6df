export interface CachedLookupOptions {
  /** How long an answer is used without asking again. */
  freshMs: number;
  /** How old an answer may be and still stand in while the source cannot be reached. */
  staleIfUnavailableMs: number;
  /** Most answers kept; the oldest are evicted first. */
  maxEntries: number;
  /** Most "nothing there" answers kept, apart from the others so a flood of unknown keys cannot evict them. */
  maxMisses: number;
  /** Which failures mean "cannot be reached right now" (others are passed on as they are). */
  isUnavailable(error: unknown): boolean;
  now?: () => number;
}

interface Entry<T> {
  value: T;
  fetchedAt: number;
}

/**
 * Answers from a remote directory, cached for `freshMs`, with a stale answer standing in while the
 * directory is unreachable. Found and not-found answers are kept in separate bounded maps; when one is
 * full its oldest entry is evicted (Map iteration is insertion order).
 */
export class CachedLookup<T> {
  private readonly found = new Map<string, Entry<T>>();
  private readonly missing = new Map<string, Entry<null>>();
  private readonly now: () => number;

  constructor(private readonly options: CachedLookupOptions) {
    this.now = options.now ?? Date.now;
  }

  async get(key: string, fetch: () => Promise<T | null>): Promise<T | null> {
    const cached = this.found.get(key) ?? this.missing.get(key);
    const now = this.now();
    if (cached && now - cached.fetchedAt < this.options.freshMs) return cached.value;
    try {
      const value = await fetch();
      this.remember(key, value, now);
      return value;
    } catch (error) {
      const usable = cached && now - cached.fetchedAt < this.options.staleIfUnavailableMs;
      if (usable && this.options.isUnavailable(error)) return cached.value;
      throw error;
    }
  }

  /** How many answers are kept (found, missing). */
  get size(): { found: number; missing: number } {
    return { found: this.found.size, missing: this.missing.size };
  }

  private remember(key: string, value: T | null, fetchedAt: number): void {
    this.found.delete(key);
    this.missing.delete(key);
    if (value === null) insertBounded(this.missing, key, { value, fetchedAt }, this.options.maxMisses);
    else insertBounded(this.found, key, { value, fetchedAt }, this.options.maxEntries);
  }
}

function insertBounded<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= max) break;
    map.delete(oldest);
  }
}
