import { toInstant } from './instant';
import type { Span } from './intervals';
import type { Shift, ShiftSource } from './schedule.types';

/** A user on call for a span, in epoch milliseconds: the engine's working form of a Shift. */
export interface Assignment extends Span {
  readonly userId: string;
  readonly source: ShiftSource;
}

function isSameSource(left: ShiftSource, right: ShiftSource): boolean {
  if (left.kind === 'layer' && right.kind === 'layer') return left.layerId === right.layerId;
  if (left.kind === 'override' && right.kind === 'override') return left.overrideId === right.overrideId;
  return false;
}

export function isSameUserAndSource(left: Assignment, right: Assignment): boolean {
  return left.userId === right.userId && isSameSource(left.source, right.source);
}

export function toShift({ start, end, userId, source }: Assignment): Shift {
  return { start: toInstant(start), end: toInstant(end), userId, source };
}
