import { toInstant } from './instant';
import { gapsWithin } from './intervals';
import { finalAssignments } from './final-schedule';
import { prepareSchedule, windowBounds } from './prepared-schedule';
import type { CoverageGap, Schedule, TimeWindow } from './schedule.types';

/** The parts of the window in which nobody is on call in the final schedule. */
export function findCoverageGaps(schedule: Schedule, window: TimeWindow): CoverageGap[] {
  const { from, to } = windowBounds(window);
  const covered = finalAssignments(prepareSchedule(schedule), from, to);
  return gapsWithin(covered, from, to).map(({ start, end }) => ({
    start: toInstant(start),
    end: toInstant(end),
  }));
}
