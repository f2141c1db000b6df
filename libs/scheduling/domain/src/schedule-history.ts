import { toEpochMs, toInstant } from './instant';
import { renderFinalSchedule } from './final-schedule';
import type {
  CoverageGap,
  Instant,
  InstantInput,
  Layer,
  OnCallAssignment,
  Override,
  Shift,
  TimeWindow,
} from './schedule.types';
import { whoIsOnCall } from './who-is-on-call';

/**
 * One version of a schedule's definition. Rule 9 (past shifts are frozen): an edit never rewrites an
 * existing revision, it adds one effective from the moment of the edit, so rendering the past always uses
 * the definition that was in force then.
 */
export interface ScheduleRevision {
  readonly revision: number;
  /** Null for the first revision: in force since the beginning of time. */
  readonly effectiveFrom: Instant | null;
  readonly timeZone: string;
  readonly layers: readonly Layer[];
}

export interface ScheduleHistory {
  readonly id: string;
  /** Ascending by revision; effectiveFrom never decreases. */
  readonly revisions: readonly ScheduleRevision[];
  /** Overrides are absolute intervals and apply whatever the revision. */
  readonly overrides: readonly Override[];
}

interface RevisionSpan {
  readonly revision: ScheduleRevision;
  readonly from: number;
  readonly to: number;
}

/** The final schedule over the window, each part rendered with the revision in force at the time. */
export function renderScheduleHistory(history: ScheduleHistory, window: TimeWindow): Shift[] {
  const pieces = revisionSpans(history.revisions, toEpochMs(window.start), toEpochMs(window.end)).flatMap(
    (span) =>
      renderFinalSchedule(asSchedule(history, span.revision), {
        start: new Date(span.from),
        end: new Date(span.to),
      }),
  );
  return mergeTouchingShifts(pieces);
}

export function whoIsOnCallInHistory(history: ScheduleHistory, at: InstantInput): OnCallAssignment | null {
  const revision = revisionAt(history.revisions, toEpochMs(at));
  return revision ? whoIsOnCall(asSchedule(history, revision), at) : null;
}

/** Uncovered parts of the window, across revisions. */
export function coverageGapsInHistory(history: ScheduleHistory, window: TimeWindow): CoverageGap[] {
  const from = toEpochMs(window.start);
  const to = toEpochMs(window.end);
  const gaps: CoverageGap[] = [];
  let cursor = from;
  for (const shift of renderScheduleHistory(history, window)) {
    const start = toEpochMs(shift.start);
    if (start > cursor) gaps.push({ start: toInstant(cursor), end: toInstant(start) });
    cursor = Math.max(cursor, toEpochMs(shift.end));
  }
  if (cursor < to) gaps.push({ start: toInstant(cursor), end: toInstant(to) });
  return gaps;
}

/** The revision in force at an instant (the latest whose effectiveFrom is at or before it). */
export function revisionAt(
  revisions: readonly ScheduleRevision[],
  epochMs: number,
): ScheduleRevision | undefined {
  let current: ScheduleRevision | undefined;
  for (const revision of revisions) {
    if (revision.effectiveFrom === null || toEpochMs(revision.effectiveFrom) <= epochMs) current = revision;
  }
  return current;
}

function revisionSpans(revisions: readonly ScheduleRevision[], from: number, to: number): RevisionSpan[] {
  const spans: RevisionSpan[] = [];
  revisions.forEach((revision, index) => {
    const start = revision.effectiveFrom === null ? -Infinity : toEpochMs(revision.effectiveFrom);
    const next = revisions[index + 1];
    const end = next?.effectiveFrom ? toEpochMs(next.effectiveFrom) : Infinity;
    const clippedFrom = Math.max(start, from);
    const clippedTo = Math.min(end, to);
    if (clippedFrom < clippedTo) spans.push({ revision, from: clippedFrom, to: clippedTo });
  });
  return spans;
}

function asSchedule(history: ScheduleHistory, revision: ScheduleRevision) {
  return {
    id: history.id,
    timeZone: revision.timeZone,
    layers: revision.layers,
    overrides: history.overrides,
  };
}

/** Joins a shift cut by a revision boundary when the same user continues from the same layer or override. */
function mergeTouchingShifts(shifts: readonly Shift[]): Shift[] {
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

function sameSource(a: Shift, b: Shift): boolean {
  return a.source.kind === 'layer' && b.source.kind === 'layer'
    ? a.source.layerId === b.source.layerId
    : a.source.kind === 'override' &&
        b.source.kind === 'override' &&
        a.source.overrideId === b.source.overrideId;
}
