import fc from 'fast-check';
import { findCoverageGaps } from './coverage-gaps';
import { renderFinalSchedule } from './final-schedule';
import type { Schedule, Shift, ShiftSource } from './schedule.types';
import { naiveLayerCovers, naiveWhoIsOnCall } from './test-support/naive-oracle';
import { scenario } from './test-support/schedule-arbitraries';
import {
  expectRenderingSplitsAt,
  expectWellFormedShifts,
  fractions,
  inMs,
  ms,
  probeInstants,
  window,
} from './test-support/shift-properties';
import { whoIsOnCall } from './who-is-on-call';

const sameSource = (a: { source: ShiftSource }, b: { source: ShiftSource }) =>
  JSON.stringify(a.source) === JSON.stringify(b.source);
const shiftAt = (shifts: Shift[], t: number) =>
  shifts.find((shift) => ms(shift.start) <= t && t < ms(shift.end));

/** Random instants in the window plus every shift edge and the millisecond before it. */
const probeShifts = (shifts: Shift[], from: number, to: number, randomPoints: number[]) =>
  probeInstants(
    shifts.flatMap((shift) => [ms(shift.start), ms(shift.end)]),
    from,
    to,
    randomPoints,
  );

/** Asserts `check` at every probed instant of `numRuns` random scenarios, each rendered over its window. */
function atEveryProbe(
  numRuns: number,
  check: (schedule: Schedule, shifts: Shift[], t: number) => void,
): void {
  fc.assert(
    fc.property(scenario, fractions, ({ schedule, from, to }, randomPoints) => {
      const shifts = renderFinalSchedule(schedule, window(from, to));
      for (const t of probeShifts(shifts, from, to, randomPoints)) check(schedule, shifts, t);
    }),
    { numRuns },
  );
}

describe('final schedule properties (random zones, layers, restrictions and overrides)', () => {
  it('shifts are non-empty, sorted, non-overlapping, inside the window and maximal', () => {
    fc.assert(
      fc.property(scenario, ({ schedule, from, to }) => {
        const shifts = renderFinalSchedule(schedule, window(from, to));
        expectWellFormedShifts(
          shifts.map(inMs),
          from,
          to,
          (a, b) => a.userId === b.userId && sameSource(a, b),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('whoIsOnCall(t) is the shift containing t, and null exactly where no shift is', () => {
    atEveryProbe(150, (schedule, shifts, t) => {
      const shift = shiftAt(shifts, t);
      expect(whoIsOnCall(schedule, new Date(t))).toEqual(
        shift ? { userId: shift.userId, source: shift.source } : null,
      );
    });
  });

  it('whoIsOnCall agrees with a naive reference model of rules 2–8', () => {
    atEveryProbe(100, (schedule, _shifts, t) => {
      expect([new Date(t).toISOString(), whoIsOnCall(schedule, new Date(t))]).toEqual([
        new Date(t).toISOString(),
        naiveWhoIsOnCall(schedule, t),
      ]);
    });
  });

  // Stated precisely: at every probed t, somebody is on call if and only if an override covers t or some
  // layer has participants, has started and not ended at t, and is unrestricted or inside a restriction window at t.
  it('nobody is missing inside the restricted windows of layers with participants, and nobody is invented', () => {
    atEveryProbe(150, (schedule, shifts, t) => {
      const shouldBeCovered = hasOverrideAt(schedule, t) || schedule.layers.some((layer) => naiveLayerCovers(layer, layer.timeZone ?? schedule.timeZone, t));
      expect([new Date(t).toISOString(), shiftAt(shifts, t) !== undefined]).toEqual([new Date(t).toISOString(), shouldBeCovered]);
    }); // prettier-ignore
  });

  it('rendering [a, c) equals rendering [a, b) and [b, c) joined and merged', () => {
    const split = fc.tuple(scenario, fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(split, ([{ schedule, from, to }, fraction]) => {
        const render = (window: { start: Date; end: Date }) => renderFinalSchedule(schedule, window);
        expectRenderingSplitsAt(fraction, from, to, render, mergeTouchingShifts);
      }),
      { numRuns: 200 },
    );
  });

  it('coverage gaps and shifts tile the window exactly', () => {
    fc.assert(
      fc.property(scenario, ({ schedule, from, to }) => {
        const pieces = [...renderFinalSchedule(schedule, window(from, to)), ...findCoverageGaps(schedule, window(from, to))]
          .map((piece) => [ms(piece.start), ms(piece.end)])
          .sort((a, b) => a[0] - b[0]);
        const edges = pieces.flat();
        const expected = pieces.length === 0 ? [] : [from, ...pieces.slice(1).flatMap(([start]) => [start, start]), to];
        expect(edges).toEqual(expected);
      }), // prettier-ignore
      { numRuns: 150 },
    );
  });
});

function hasOverrideAt(schedule: Schedule, t: number): boolean {
  return schedule.overrides.some((override) => ms(override.start) <= t && t < ms(override.end));
}

function mergeTouchingShifts(shifts: Shift[]): Shift[] {
  const merged: Shift[] = [];
  for (const shift of shifts) {
    const last = merged[merged.length - 1];
    if (last && last.end === shift.start && last.userId === shift.userId && sameSource(last, shift)) {
      merged[merged.length - 1] = { ...last, end: shift.end };
    } else {
      merged.push(shift);
    }
  }
  return merged;
}
