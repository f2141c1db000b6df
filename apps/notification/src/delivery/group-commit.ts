interface Waiting<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Writes items as they come, in groups: an item added while no write runs is written at the end of the
 * current tick, with every other item added in that tick; items added while a write runs go in the next
 * one, started as soon as it ends. No item waits for anything but the write in hand. Each `add` settles
 * when its own group is written (or rejects with that group's error).
 */
export class GroupCommit<T> {
  private pending: Waiting<T>[] = [];
  private writing = false;

  constructor(private readonly write: (items: readonly T[]) => Promise<void>) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending;
      this.pending = [];
      try {
        await this.write(group.map(({ item }) => item));
        for (const waiting of group) waiting.resolve();
      } catch (error) {
        for (const waiting of group) waiting.reject(error);
      }
    }
    this.writing = false;
  }
}
