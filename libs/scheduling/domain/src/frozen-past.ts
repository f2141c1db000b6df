import { type Assignment, isSameUserAndSource, toShift } from './assignment';
import { clipToSpans, mergeTouching } from './intervals';
import { toEpochMs } from './instant';
import type { InstantInput, Shift } from './schedule.types';

/**
 * Rule 9: after an edit, keep what was rendered before `now` and take the new rendering from `now`
 * on, so edits change only the future. Both inputs are final-schedule shifts (sorted, disjoint).
 */
export function freezePast(
  previouslyRendered: readonly Shift[],
  rerendered: readonly Shift[],
  now: InstantInput,
): Shift[] {
  const cut = toEpochMs(now);
  const past = clipToSpans(previouslyRendered.map(toAssignment), [{ start: -Infinity, end: cut }]);
  const future = clipToSpans(rerendered.map(toAssignment), [{ start: cut, end: Infinity }]);
  return mergeTouching([...past, ...future], isSameUserAndSource).map(toShift);
}

function toAssignment(shift: Shift): Assignment {
  return {
    start: toEpochMs(shift.start),
    end: toEpochMs(shift.end),
    userId: shift.userId,
    source: shift.source,
  };
}
