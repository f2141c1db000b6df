import { type Assignment, isSameUserAndSource, toShift } from './assignment';
import { finalAssignments } from './final-schedule';
import { toEpochMs, toInstant } from './instant';
import { gapsWithin, mergeTouching } from './intervals';
import { type PreparedSchedule, prepareSchedule, windowBounds } from './prepared-schedule';
import { revisionAt, revisionSpans } from './revision-spans';
import type {
  CoverageGap,
  Instant,
  InstantInput,
  Layer,
  OnCallAssignment,
  Override,
  Schedule,
  Shift,
  TimeWindow,
} from './schedule.types';
import { assignmentAt } from './who-is-on-call';

/**
 * One version of a schedule's definition. Rule 9 (past shifts are frozen): an edit never rewrites an
 * existing revision, it adds one effective from the moment of the edit, so rendering the past always uses
 * the definition that was in force then.
 */
export interface ScheduleRevision {
  readonly revision: number;
  /**
   * When it takes effect (the service writes the schedule's creation time for revision 1, so nothing is
   * on call before the schedule existed); null = since always. A revision never takes effect before the
   * revision it follows, whatever is stored.
   */
  readonly effectiveFrom: Instant | null;
  readonly timeZone: string;
  readonly layers: readonly Layer[];
}

export interface ScheduleHistory {
  readonly id: string;
  /** Ascending by revision. */
  readonly revisions: readonly ScheduleRevision[];
  /** Overrides are absolute intervals and apply whatever the revision. */
  readonly overrides: readonly Override[];
}

/** The final schedule over the window, each part rendered with the revision in force at the time. */
export function renderScheduleHistory(history: ScheduleHistory, window: TimeWindow): Shift[] {
  const { from, to } = windowBounds(window);
  return historyReader(history).render(from, to).map(toShift);
}

export function whoIsOnCallInHistory(history: ScheduleHistory, at: InstantInput): OnCallAssignment | null {
  return historyReader(history).at(toEpochMs(at));
}

/** Uncovered parts of the window, across revisions (before the first revision nobody is on call). */
export function coverageGapsInHistory(history: ScheduleHistory, window: TimeWindow): CoverageGap[] {
  const { from, to } = windowBounds(window);
  return gapsWithin(historyReader(history).render(from, to), from, to).map(({ start, end }) => ({
    start: toInstant(start),
    end: toInstant(end),
  }));
}

export interface HistoryReader {
  /** Who is on call at an instant (epoch ms), with the revision in force then. */
  at(epochMs: number): OnCallAssignment | null;
  /**
   * The engine's working form of renderScheduleHistory over [from, to): sorted, disjoint assignments, a
   * shift cut by a revision boundary joined again when the same user continues from the same source.
   */
  render(from: number, to: number): Assignment[];
}

/** Answers questions about one history, preparing each revision once, however many questions are asked. */
export function historyReader(history: ScheduleHistory): HistoryReader {
  const prepared = new Map<ScheduleRevision, PreparedSchedule>();
  const prepare = (revision: ScheduleRevision): PreparedSchedule => {
    let schedule = prepared.get(revision);
    if (!schedule) prepared.set(revision, (schedule = prepareSchedule(asSchedule(history, revision))));
    return schedule;
  };
  return {
    at(epochMs) {
      const revision = revisionAt(history.revisions, epochMs);
      return revision ? assignmentAt(prepare(revision), epochMs) : null;
    },
    render(from, to) {
      const pieces = revisionSpans(history.revisions, from, to).flatMap((span) =>
        finalAssignments(prepare(span.revision), span.from, span.to),
      );
      return mergeTouching(pieces, isSameUserAndSource);
    },
  };
}

function asSchedule(history: ScheduleHistory, revision: ScheduleRevision): Schedule {
  return {
    id: history.id,
    timeZone: revision.timeZone,
    layers: revision.layers,
    overrides: history.overrides,
  };
}
