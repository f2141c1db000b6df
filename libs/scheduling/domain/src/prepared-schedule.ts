import { toEpochMs } from './instant';
import { prepareLayer, type PreparedLayer } from './layer-render';
import { prepareOverrides, type PreparedOverride } from './overrides';
import type { Schedule, TimeWindow } from './schedule.types';

export interface PreparedSchedule {
  /** Lowest precedence first, as in Schedule.layers. */
  readonly layers: readonly PreparedLayer[];
  /** Weakest first. */
  readonly overrides: readonly PreparedOverride[];
}

export function prepareSchedule(schedule: Schedule): PreparedSchedule {
  return {
    layers: schedule.layers.map((layer) => prepareLayer(layer, schedule.timeZone)),
    overrides: prepareOverrides(schedule.overrides),
  };
}

export function windowBounds(window: TimeWindow): { from: number; to: number } {
  const from = toEpochMs(window.start);
  const to = toEpochMs(window.end);
  if (to < from)
    throw new RangeError(`Window ends before it starts: ${String(window.start)} > ${String(window.end)}`);
  return { from, to };
}
