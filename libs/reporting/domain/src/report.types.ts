/** ISO-8601 UTC instant, e.g. '2027-03-28T01:30:00.000Z'. */
export type Instant = string;

export const REPORT_SEVERITIES = ['critical', 'high', 'warning', 'info'] as const;

/** One incident as reporting keeps it (the `report_incidents` row). */
export interface IncidentRecord {
  readonly incidentId: string;
  readonly openedAt: Instant;
  /** First acknowledgement, whoever made it. */
  readonly acknowledgedAt: Instant | null;
  readonly resolvedAt: Instant | null;
  /** Resolved by merging into another incident: counted in volume, not in MTTA/MTTR. */
  readonly merged: boolean;
  readonly severity: string;
  readonly serviceId: string;
  /** Integration of the alert that opened it; null when no integration is known. */
  readonly sourceId: string | null;
  /** Alerts it gathered: the opening one, appended ones and counted repeats. */
  readonly alertCount: number;
  /** Highest escalation level that paged, was skipped or was escalated to (1 = first step). */
  readonly maxLevel: number;
  readonly unanswered: boolean;
}

/** One person's acknowledgement of an incident (their first on it). */
export interface AcknowledgementRecord {
  readonly incidentId: string;
  readonly userId: string;
  readonly at: Instant;
}

/** One page sent to a person (a NotifyRequested of kind `page`). */
export interface PageRecord {
  readonly pageId: string;
  readonly incidentId: string;
  readonly userId: string;
  readonly at: Instant;
}

/** Half-open [start, end) during which a person was on call in a final schedule. */
export interface ShiftRecord {
  readonly userId: string;
  readonly start: Instant;
  readonly end: Instant;
}

/** Half-open [from, to). */
export interface ReportWindow {
  readonly from: Instant;
  readonly to: Instant;
}

/** Durations in seconds. Median and p90 interpolate linearly between ranks (PostgreSQL percentile_cont). */
export interface DurationStats {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
}

export type Counts = Readonly<Record<string, number>>;
