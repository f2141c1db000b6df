import type {
  BurdenSpread,
  IncidentReport,
  PersonBurden,
  Technician,
  TrendBucket,
  TrendPoint,
} from './report-wire.types';

/**
 * Report queries admin-api asks reporting (always for the caller's organization, from the request context).
 * Windows are half-open [from, to) in ISO-8601 UTC; client and team filters arrive already turned into
 * services and people by admin-api, which owns the directory.
 */
export interface ReportFilters {
  from: string;
  to: string;
  serviceIds?: readonly string[];
  severities?: readonly string[];
  /** Source integrations; `none` matches incidents whose source is not known. */
  sourceIds?: readonly string[];
}

export interface IncidentReportQuery extends ReportFilters {
  /** Service → client (null: no client), for the volume by client. */
  clientOf?: Record<string, string | null>;
}

export interface IncidentReportAnswer extends IncidentReport {
  window: { from: string; to: string };
}

export interface IncidentTrendQuery extends ReportFilters {
  bucket: TrendBucket;
  timeZone: string;
}

export interface IncidentTrendAnswer {
  window: { from: string; to: string };
  bucket: TrendBucket;
  timeZone: string;
  points: TrendPoint[];
}

export interface BurdenQuery {
  from: string;
  to: string;
  people: Technician[];
}

export interface BurdenAnswer {
  window: { from: string; to: string };
  people: PersonBurden[];
  spread: BurdenSpread;
}
