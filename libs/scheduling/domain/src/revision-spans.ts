import { toEpochMs } from './instant';
import type { ScheduleRevision } from './schedule-history';

export interface RevisionSpan {
  readonly revision: ScheduleRevision;
  readonly from: number;
  readonly to: number;
}

/**
 * When each revision takes effect, in epoch ms: its effectiveFrom, but never before the revision it
 * follows (a clock that went backwards must not let an edit rewrite time the previous revision ruled).
 * Null means "since always".
 */
function revisionStarts(revisions: readonly ScheduleRevision[]): number[] {
  const starts: number[] = [];
  let latest = -Infinity;
  for (const revision of revisions) {
    if (revision.effectiveFrom !== null) latest = Math.max(latest, toEpochMs(revision.effectiveFrom));
    starts.push(latest);
  }
  return starts;
}

/** The revision in force at an instant: the last one that has taken effect by then. */
export function revisionAt(
  revisions: readonly ScheduleRevision[],
  epochMs: number,
): ScheduleRevision | undefined {
  const starts = revisionStarts(revisions);
  let current: ScheduleRevision | undefined;
  revisions.forEach((revision, i) => {
    if (starts[i] <= epochMs) current = revision;
  });
  return current;
}

/** The parts of [from, to) each revision rules, in order; revisions superseded at once rule nothing. */
export function revisionSpans(
  revisions: readonly ScheduleRevision[],
  from: number,
  to: number,
): RevisionSpan[] {
  const starts = revisionStarts(revisions);
  const spans: RevisionSpan[] = [];
  revisions.forEach((revision, i) => {
    const clippedFrom = Math.max(starts[i], from);
    const clippedTo = Math.min(starts[i + 1] ?? Infinity, to);
    if (clippedFrom < clippedTo) spans.push({ revision, from: clippedFrom, to: clippedTo });
  });
  return spans;
}
