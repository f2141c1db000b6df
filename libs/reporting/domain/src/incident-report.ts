import { durationStats, secondsBetween } from './duration-stats';
import { type IncidentFilter, matchesFilter } from './incident-filter';
import type { AcknowledgementRecord, Counts, DurationStats, IncidentRecord } from './report.types';

/** Key used for incidents with no client (or no known source integration) in volume breakdowns. */
export const NONE = 'none';

export interface IncidentReport {
  readonly incidents: number;
  /** Opened → first acknowledgement, over acknowledged incidents that were not merged away. */
  readonly mtta: DurationStats;
  /** Opened → resolved, over resolved incidents that were not merged away. */
  readonly mttr: DurationStats;
  readonly volume: {
    readonly bySeverity: Counts;
    readonly byService: Counts;
    readonly byClient: Counts;
    readonly bySource: Counts;
  };
  readonly escalation: {
    /** Incidents that needed more than the first step. */
    readonly steppedBeyondFirst: number;
    readonly escalationRate: number | null;
    readonly unanswered: number;
    readonly unansweredRate: number | null;
  };
  readonly noise: { readonly alerts: number; readonly alertsPerIncident: number | null };
  /** Incidents each person acknowledged (takeovers count for the person taking over). */
  readonly acknowledgementsByPerson: Counts;
}

/**
 * Every figure of the incident dashboard. `clientOf` maps a service to its client (the directory's current
 * view, supplied by the caller); services missing from it count under `none`.
 */
export function incidentReport(
  allIncidents: readonly IncidentRecord[],
  acknowledgements: readonly AcknowledgementRecord[],
  filter: IncidentFilter,
  clientOf: Readonly<Record<string, string | null>> = {},
): IncidentReport {
  const incidents = allIncidents.filter((incident) => matchesFilter(incident, filter));
  const counted = incidents.filter((incident) => !incident.merged);
  const stepped = incidents.filter((incident) => incident.maxLevel > 1).length;
  const unanswered = incidents.filter((incident) => incident.unanswered).length;
  const alerts = incidents.reduce((total, incident) => total + incident.alertCount, 0);
  const ids = new Set(incidents.map((incident) => incident.incidentId));
  return {
    incidents: incidents.length,
    mtta: durationStats(
      counted.flatMap((i) => (i.acknowledgedAt ? [secondsBetween(i.openedAt, i.acknowledgedAt)] : [])),
    ),
    mttr: durationStats(
      counted.flatMap((i) => (i.resolvedAt ? [secondsBetween(i.openedAt, i.resolvedAt)] : [])),
    ),
    volume: {
      bySeverity: countBy(incidents, (i) => i.severity),
      byService: countBy(incidents, (i) => i.serviceId),
      byClient: countBy(incidents, (i) => clientOf[i.serviceId] ?? NONE),
      bySource: countBy(incidents, (i) => i.sourceId ?? NONE),
    },
    escalation: {
      steppedBeyondFirst: stepped,
      escalationRate: share(stepped, incidents.length),
      unanswered,
      unansweredRate: share(unanswered, incidents.length),
    },
    noise: { alerts, alertsPerIncident: share(alerts, incidents.length) },
    acknowledgementsByPerson: countBy(
      acknowledgements.filter((ack) => ids.has(ack.incidentId)),
      (ack) => ack.userId,
    ),
  };
}

export function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Counts {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const key = keyOf(item);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
