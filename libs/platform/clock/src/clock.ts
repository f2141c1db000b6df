/**
 * The platform's time. Business code asks a Clock instead of calling Date.now(), so tests control time
 * and, in test mode, every service moves forward together (GoAlert's fast-forward).
 */
export interface Clock {
  now(): Date;
  /** Called after the clock jumps (test mode only), so timer loops look for due work at once. */
  onJump(listener: () => void): () => void;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }

  onJump(): () => void {
    return () => undefined;
  }
}

/** Wall time plus an offset that can only move forward; the base of the test clocks. */
export class OffsetClock implements Clock {
  private offset = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly wallTime: () => number = Date.now) {}

  now(): Date {
    return new Date(this.wallTime() + this.offset);
  }

  get offsetMs(): number {
    return this.offset;
  }

  /** Moves to `offsetMs` past wall time; never backwards (timers already fired stay fired). */
  jumpTo(offsetMs: number): void {
    if (offsetMs <= this.offset) return;
    this.offset = offsetMs;
    for (const listener of this.listeners) listener();
  }

  advance(ms: number): void {
    this.jumpTo(this.offset + ms);
  }

  onJump(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
