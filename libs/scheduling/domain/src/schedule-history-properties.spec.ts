import fc from 'fast-check';
import { isSameUserAndSource, type Assignment } from './assignment';
import { DAY_MS } from './instant';
import { mergeTouching } from './intervals';
import { onCallSummary } from './on-call-summary';
import { renderScheduleHistory, whoIsOnCallInHistory } from './schedule-history';
import { historyScenario } from './test-support/history-arbitraries';
import {
  expectRenderingSplitsAt,
  expectWellFormedShifts,
  fractions,
  inMs as toAssignment,
  ms,
  probeInstants,
  window,
} from './test-support/shift-properties';

describe('schedule history properties (1–3 random revisions, effectiveFrom in any order)', () => {
  it('shifts are non-empty, sorted, non-overlapping, inside the window and maximal', () => {
    fc.assert(
      fc.property(historyScenario, ({ history, from, to }) => {
        const shifts = renderScheduleHistory(history, window(from, to)).map(toAssignment);
        expectWellFormedShifts(shifts, from, to, isSameUserAndSource);
      }),
      { numRuns: 200 },
    );
  });

  it('whoIsOnCallInHistory(t) is the rendered shift containing t, and null exactly where none is', () => {
    fc.assert(
      fc.property(historyScenario, fractions, ({ history, from, to }, randomPoints) => {
        const shifts = renderScheduleHistory(history, window(from, to)).map(toAssignment);
        const edges = shifts.flatMap((shift) => [shift.start, shift.end]);
        const revisionEdges = history.revisions.flatMap((r) => (r.effectiveFrom ? [ms(r.effectiveFrom)] : []));
        for (const t of probeInstants([...edges, ...revisionEdges], from, to, randomPoints)) {
          const shift = shifts.find((candidate) => candidate.start <= t && t < candidate.end);
          expect([new Date(t).toISOString(), whoIsOnCallInHistory(history, new Date(t))]).toEqual([
            new Date(t).toISOString(),
            shift ? { userId: shift.userId, source: shift.source } : null,
          ]);
        }
      }), // prettier-ignore
      { numRuns: 150 },
    );
  });

  it('rendering [a, c) equals rendering [a, b) and [b, c) joined and merged', () => {
    const split = fc.tuple(historyScenario, fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(split, ([{ history, from, to }, fraction]) => {
        const render = (window: { start: Date; end: Date }) =>
          renderScheduleHistory(history, window).map(toAssignment);
        expectRenderingSplitsAt(fraction, from, to, render, (joined) =>
          mergeTouching(joined, isSameUserAndSource),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('onCallSummary agrees with one 31-day rendering read person by person', () => {
    fc.assert(
      fc.property(historyScenario, ({ history, from }) => {
        const horizon = from + 31 * DAY_MS;
        const current = whoIsOnCallInHistory(history, new Date(from));
        let until: number | null = current ? from : null;
        let next: Assignment | undefined;
        for (const shift of renderScheduleHistory(history, window(from, horizon)).map(toAssignment)) {
          if (current && shift.start === until && shift.userId === current.userId) until = shift.end;
          else if (shift.userId !== current?.userId) {
            next = shift;
            break;
          }
        }
        const iso = (ms: number) => new Date(ms).toISOString();
        expect(onCallSummary(history, new Date(from))).toEqual({
          onCall: current && { ...current, until: until !== null && until < horizon ? iso(until) : null },
          next: next ? { userId: next.userId, start: iso(next.start) } : null,
        });
      }),
      { numRuns: 100 },
    );
  });
});
