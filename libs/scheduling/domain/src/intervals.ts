/** Half-open [start, end) in epoch milliseconds. Lists passed around are sorted and disjoint. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Sorts spans and unions those that overlap or touch. */
export function unionOfSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const union: Span[] = [];
  for (const span of sorted) {
    const last = union[union.length - 1];
    if (last && span.start <= last.end) {
      if (span.end > last.end) union[union.length - 1] = { start: last.start, end: span.end };
    } else if (span.start < span.end) {
      union.push(span);
    }
  }
  return union;
}

/** The parts of `items` that lie inside `spans`. */
export function clipToSpans<T extends Span>(items: readonly T[], spans: readonly Span[]): T[] {
  const clipped: T[] = [];
  let first = 0;
  for (const item of items) {
    while (first < spans.length && spans[first].end <= item.start) first++;
    for (let i = first; i < spans.length && spans[i].start < item.end; i++) {
      const start = Math.max(item.start, spans[i].start);
      const end = Math.min(item.end, spans[i].end);
      if (start < end) clipped.push(withBounds(item, start, end));
    }
  }
  return clipped;
}

/** The parts of `items` that lie outside `cuts`. */
function subtractSpans<T extends Span>(items: readonly T[], cuts: readonly Span[]): T[] {
  const remaining: T[] = [];
  let first = 0;
  for (const item of items) {
    while (first < cuts.length && cuts[first].end <= item.start) first++;
    let cursor = item.start;
    for (let i = first; i < cuts.length && cuts[i].start < item.end; i++) {
      if (cuts[i].start > cursor) remaining.push(withBounds(item, cursor, cuts[i].start));
      cursor = Math.max(cursor, cuts[i].end);
    }
    if (cursor < item.end) remaining.push(withBounds(item, cursor, item.end));
  }
  return remaining;
}

/** `top` wins wherever it has an item; `bottom` shows through its gaps. */
export function overlay<T extends Span>(top: readonly T[], bottom: readonly T[]): T[] {
  const showingThrough = subtractSpans(bottom, top);
  const result: T[] = [];
  let t = 0;
  let b = 0;
  while (t < top.length || b < showingThrough.length) {
    const takeTop = b >= showingThrough.length || (t < top.length && top[t].start < showingThrough[b].start);
    result.push(takeTop ? top[t++] : showingThrough[b++]);
  }
  return result;
}

/** Joins neighbours that touch and that `canJoin` accepts into one item. */
export function mergeTouching<T extends Span>(
  items: readonly T[],
  canJoin: (left: T, right: T) => boolean,
): T[] {
  const merged: T[] = [];
  for (const item of items) {
    const last = merged[merged.length - 1];
    if (last && last.end === item.start && canJoin(last, item)) {
      merged[merged.length - 1] = withBounds(last, last.start, item.end);
    } else {
      merged.push(item);
    }
  }
  return merged;
}

/** The parts of [from, to) that no span covers. */
export function gapsWithin(spans: readonly Span[], from: number, to: number): Span[] {
  return subtractSpans([{ start: from, end: to }], spans);
}

function withBounds<T extends Span>(item: T, start: number, end: number): T {
  return item.start === start && item.end === end ? item : { ...item, start, end };
}
