import { toEpochMs } from './instant';
import { layerAssigneeAt } from './layer-render';
import { overrideAt } from './overrides';
import { type PreparedSchedule, prepareSchedule } from './prepared-schedule';
import type { InstantInput, OnCallAssignment, Schedule } from './schedule.types';

/**
 * Who is on call at one instant, or null when nobody is: the strongest override covering it, else the
 * highest layer with coverage (rules 7 and 8). Agrees with renderFinalSchedule at every instant.
 */
export function whoIsOnCall(schedule: Schedule, at: InstantInput): OnCallAssignment | null {
  return assignmentAt(prepareSchedule(schedule), toEpochMs(at));
}

/** whoIsOnCall for a schedule prepared already. */
export function assignmentAt(schedule: PreparedSchedule, epochMs: number): OnCallAssignment | null {
  const { layers, overrides } = schedule;
  const override = overrideAt(overrides, epochMs);
  if (override) return { userId: override.userId, source: override.source };
  for (let i = layers.length - 1; i >= 0; i--) {
    const userId = layerAssigneeAt(layers[i], epochMs);
    if (userId !== undefined) return { userId, source: layers[i].source };
  }
  return null;
}
