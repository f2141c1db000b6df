/** A run of items of one key, taken together; the key is busy until `finish(key)`. */
export interface KeyBatch<T> {
  key: string;
  owner: string;
  items: T[];
}

/**
 * Work queued per key, handed out a batch per key at a time (items of a key in arrival order, one batch of
 * a key in flight at once) and fairly between owners: each owner with work gets a turn in rotation,
 * however many items or keys it has queued. One organization's storm is one key's batch among others.
 */
export class FairKeyQueue<T> {
  private readonly queued = new Map<string, { owner: string; items: T[] }>();
  private readonly busy = new Set<string>();
  /** Per owner, its keys that have items and are not busy, oldest first. */
  private readonly ready = new Map<string, string[]>();
  /** Owners with ready keys, in turn order. */
  private readonly turns: string[] = [];
  private size = 0;

  constructor(private readonly maxBatch: number) {}

  get length(): number {
    return this.size;
  }

  push(owner: string, key: string, item: T): void {
    const entry = this.queued.get(key);
    this.size++;
    if (entry) {
      entry.items.push(item);
      return;
    }
    this.queued.set(key, { owner, items: [item] });
    if (!this.busy.has(key)) this.markReady(owner, key);
  }

  /** The next batch, owners taking turns; undefined when every queued key is busy or nothing is queued. */
  take(): KeyBatch<T> | undefined {
    const owner = this.turns.shift();
    if (owner === undefined) return undefined;
    const keys = this.ready.get(owner) ?? [];
    const key = keys.shift();
    const entry = key === undefined ? undefined : this.queued.get(key);
    if (keys.length > 0) this.turns.push(owner);
    else this.ready.delete(owner);
    // An owner has a turn only while it has a ready key, and a ready key always has items.
    if (key === undefined || !entry) throw new Error('FairKeyQueue: a turn without a ready key');
    const items = entry.items.splice(0, this.maxBatch);
    if (entry.items.length === 0) this.queued.delete(key);
    this.size -= items.length;
    this.busy.add(key);
    return { key, owner, items };
  }

  /** The batch of `key` is done: its next items (if any) may be taken. */
  finish(key: string): void {
    this.busy.delete(key);
    const entry = this.queued.get(key);
    if (entry) this.markReady(entry.owner, key);
  }

  private markReady(owner: string, key: string): void {
    const keys = this.ready.get(owner);
    if (keys) {
      keys.push(key);
      return;
    }
    this.ready.set(owner, [key]);
    this.turns.push(owner);
  }
}
