import { type Assignment, isSameUserAndSource, toShift } from './assignment';
import { mergeTouching, overlay } from './intervals';
import { layerAssignments } from './layer-render';
import { overrideAssignments } from './overrides';
import { type PreparedSchedule, prepareSchedule, windowBounds } from './prepared-schedule';
import type { Schedule, Shift, TimeWindow } from './schedule.types';

/**
 * Who is on call across [window.start, window.end): sorted, non-overlapping shifts, with touching
 * pieces of the same user from the same source merged. Uncovered time simply has no shift.
 */
export function renderFinalSchedule(schedule: Schedule, window: TimeWindow): Shift[] {
  const { from, to } = windowBounds(window);
  return finalAssignments(prepareSchedule(schedule), from, to).map(toShift);
}

/** Rules 7 and 8: each higher layer is painted over the lower ones, then the overrides over all. */
export function finalAssignments(schedule: PreparedSchedule, from: number, to: number): Assignment[] {
  let painted: Assignment[] = [];
  for (const layer of schedule.layers) painted = overlay(layerAssignments(layer, from, to), painted);
  painted = overlay(overrideAssignments(schedule.overrides, from, to), painted);
  return mergeTouching(painted, isSameUserAndSource);
}
