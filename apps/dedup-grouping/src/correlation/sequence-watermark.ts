/**
 * The highest stream sequence below which every alert received has been handled, although alerts finish
 * out of order (different keys run in parallel): where a restart must resume so nothing is skipped.
 */
export class SequenceWatermark {
  private readonly received: number[] = [];
  private head = 0;
  private readonly completed = new Set<number>();
  private mark: number;

  constructor(start: number) {
    this.mark = start;
  }

  get value(): number {
    return this.mark;
  }

  get inFlight(): number {
    return this.received.length - this.head;
  }

  /** Sequences received and done beyond the watermark (finished out of order), in increasing order. */
  doneAbove(): number[] {
    return [...this.completed].sort((a, b) => a - b);
  }

  /** Sequences must be received in increasing order (a partition's stream order). */
  receive(sequence: number): void {
    this.received.push(sequence);
  }

  complete(sequence: number): void {
    this.completed.add(sequence);
    while (this.head < this.received.length && this.completed.has(this.received[this.head])) {
      this.completed.delete(this.received[this.head]);
      this.mark = this.received[this.head];
      this.head++;
    }
    if (this.head > 4_096) {
      this.received.splice(0, this.head);
      this.head = 0;
    }
  }
}
