import fc from 'fast-check';
import type { ScheduleHistory } from '../schedule-history';
import {
  daysAround,
  epoch,
  layerShape,
  overrideShape,
  quarterHours,
  toLayer,
  toOverride,
  ZONES,
} from './schedule-arbitraries';

const revisionShape = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  layers: fc.array(layerShape, { minLength: 1, maxLength: 3 }),
  // Any order, so effectiveFrom often decreases from one revision to the next; null = since always.
  effectiveFrom: fc.option(daysAround(4, 4), { nil: null, freq: 5 }),
});

export interface HistoryScenario {
  readonly history: ScheduleHistory;
  readonly from: number;
  readonly to: number;
}

/**
 * A random history of 1–3 revisions (layer ids repeat across revisions, so shifts cut at a revision
 * boundary can join again) with overrides, and a window of up to ten days, all around one random epoch.
 */
export const historyScenario: fc.Arbitrary<HistoryScenario> = fc
  .record({
    epoch,
    revisions: fc.array(revisionShape, { minLength: 1, maxLength: 3 }),
    overrides: fc.array(overrideShape, { maxLength: 3 }),
    windowStart: daysAround(3, 3),
    windowMinutes: quarterHours(1, 10 * 96),
  })
  .map(({ epoch: at, revisions, overrides, windowStart, windowMinutes }) => {
    const from = at + windowStart;
    const history: ScheduleHistory = {
      id: 'random-history',
      revisions: revisions.map((shape, i) => ({
        revision: i + 1,
        effectiveFrom: shape.effectiveFrom === null ? null : new Date(at + shape.effectiveFrom).toISOString(),
        timeZone: shape.timeZone,
        layers: shape.layers.map((layer, j) => toLayer(at, layer, `layer-${j}`)),
      })),
      overrides: overrides.map((shape, i) => toOverride(at, shape, i)),
    };
    return { history, from, to: from + windowMinutes * 60_000 };
  });
