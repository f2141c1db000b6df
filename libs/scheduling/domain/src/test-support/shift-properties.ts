import fc from 'fast-check';
import type { Assignment } from '../assignment';
import type { Shift } from '../schedule.types';

/** The render window [from, to) of a property scenario. */
export const window = (from: number, to: number) => ({ start: new Date(from), end: new Date(to) });

export const ms = (instant: string) => Date.parse(instant);

/** A rendered shift with its span in epoch milliseconds, to compare and probe. */
export const inMs = (shift: Shift): Assignment => ({ ...shift, start: ms(shift.start), end: ms(shift.end) });

/** 5–15 random points of a window, as fractions of its length. */
export const fractions = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
  minLength: 5,
  maxLength: 15,
});

/** Random instants in [from, to) plus every edge given and the millisecond before it. */
export function probeInstants(edges: number[], from: number, to: number, randomPoints: number[]): number[] {
  const random = randomPoints.map((f) => from + Math.floor(f * (to - from)));
  return [from, to - 1, ...edges.flatMap((t) => [t - 1, t]), ...random].filter((t) => t >= from && t < to);
}

/**
 * What every rendering of shifts keeps: each shift non-empty and inside [from, to), sorted, not
 * overlapping, and maximal — no two touching shifts that `mergeable` says should have been one.
 */
export function expectWellFormedShifts(
  shifts: readonly Assignment[],
  from: number,
  to: number,
  mergeable: (left: Assignment, right: Assignment) => boolean,
): void {
  shifts.forEach((shift, i) => {
    expect(shift.start).toBeLessThan(shift.end);
    expect(shift.start).toBeGreaterThanOrEqual(from);
    expect(shift.end).toBeLessThanOrEqual(to);
    const next = shifts[i + 1];
    if (!next) return;
    expect(shift.end).toBeLessThanOrEqual(next.start);
    expect(shift.end === next.start && mergeable(shift, next)).toBe(false);
  });
}

/** Rendering [from, to) in one go equals rendering [from, middle) and [middle, to), joined and merged. */
export function expectRenderingSplitsAt<T>(
  fraction: number,
  from: number,
  to: number,
  render: (window: { start: Date; end: Date }) => T[],
  merge: (joined: T[]) => T[],
): void {
  const middle = from + Math.floor(fraction * (to - from));
  const joined = [...render(window(from, middle)), ...render(window(middle, to))];
  expect(merge(joined)).toEqual(render(window(from, to)));
}
