/**
 * Alerts read but not yet applied, across every partition a replica holds: one partition may run far ahead
 * (to reach other keys behind a storm) while the replica's memory stays bounded.
 */
export class InFlightBudget {
  private used = 0;
  private readonly waiting = new Set<() => void>();

  constructor(readonly max: number) {}

  get available(): boolean {
    return this.used < this.max;
  }

  take(): void {
    this.used++;
  }

  give(): void {
    this.used--;
    if (this.available) for (const wake of this.waiting) wake();
  }

  /** Resolves once there is room (or at once when there is). */
  room(): Promise<void> {
    if (this.available) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        this.waiting.delete(wake);
        resolve();
      };
      this.waiting.add(wake);
    });
  }
}
