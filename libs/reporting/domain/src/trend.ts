import { durationStats, secondsBetween } from './duration-stats';
import { type IncidentFilter, matchesFilter } from './incident-filter';
import type { IncidentRecord } from './report.types';
import { addDays, weekStartOf } from '@oncall/shared-time';
import { zonedParts } from './zoned-time';

export type TrendBucket = 'day' | 'week';

export interface TrendPoint {
  /** Local date the bucket starts on (a Monday for weeks), in the trend's zone. */
  readonly start: string;
  readonly incidents: number;
  readonly mttaMean: number | null;
  readonly mttrMean: number | null;
  readonly unanswered: number;
}

/**
 * Incidents per local day or ISO week of `timeZone` (a day across a DST change is 23 or 25 hours long),
 * every bucket of the window present, empty ones with zero incidents.
 */
export function incidentTrend(
  allIncidents: readonly IncidentRecord[],
  filter: IncidentFilter,
  bucket: TrendBucket,
  timeZone: string,
): TrendPoint[] {
  const keyOf = (instant: string) => {
    const date = zonedParts(Date.parse(instant), timeZone).date;
    return bucket === 'day' ? date : weekStartOf(date);
  };
  const groups = new Map<string, IncidentRecord[]>();
  const first = keyOf(filter.window.from);
  const last = keyOf(new Date(Date.parse(filter.window.to) - 1).toISOString());
  for (let key = first; key <= last; key = addDays(key, bucket === 'day' ? 1 : 7)) groups.set(key, []);
  for (const incident of allIncidents) {
    if (matchesFilter(incident, filter)) groups.get(keyOf(incident.openedAt))?.push(incident);
  }
  return [...groups].map(([start, incidents]) => {
    const counted = incidents.filter((incident) => !incident.merged);
    const mtta = counted.flatMap((i) =>
      i.acknowledgedAt ? [secondsBetween(i.openedAt, i.acknowledgedAt)] : [],
    );
    const mttr = counted.flatMap((i) => (i.resolvedAt ? [secondsBetween(i.openedAt, i.resolvedAt)] : []));
    return {
      start,
      incidents: incidents.length,
      mttaMean: durationStats(mtta).mean,
      mttrMean: durationStats(mttr).mean,
      unanswered: incidents.filter((incident) => incident.unanswered).length,
    };
  });
}
