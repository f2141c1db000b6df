/** Shapes of the reports admin-api answers (ADR 0183), and the small reshaping the charts need (pure). */
export interface DurationStats {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}
export type Counts = Record<string, number>;

export interface IncidentReport {
  window: { from: string; to: string };
  incidents: number;
  mtta: DurationStats;
  mttr: DurationStats;
  volume: { bySeverity: Counts; byService: Counts; byClient: Counts; bySource: Counts };
  escalation: {
    steppedBeyondFirst: number;
    escalationRate: number | null;
    unanswered: number;
    unansweredRate: number | null;
  };
  noise: { alerts: number; alertsPerIncident: number | null };
  acknowledgementsByPerson: Counts;
}

export interface TrendPoint {
  start: string;
  incidents: number;
  mttaMean: number | null;
  mttrMean: number | null;
  unanswered: number;
}

export interface BurdenReport {
  people: {
    userId: string;
    hoursOnCall: number;
    pages: number;
    pagesOutsideBusinessHours: number;
    pagesDuringSleepHours: number;
    incidentsAcknowledged: number;
  }[];
  spread: { carryingTooMuch: string[] };
}

/** Rows of a count table, largest first, with the names the viewer knows. */
export function countRows(counts: Counts, nameOf: (key: string) => string = (key) => key) {
  return Object.entries(counts)
    .map(([key, value]) => ({ key, name: nameOf(key), value }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
}

/** Seconds as a person reads them: "45 s", "12 min", "3.5 h"; "—" when there is nothing to measure. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

/** The report window of the last `days` days ending at `now`, as the API's query string. */
export function windowQuery(now: Date, days: number): string {
  const from = new Date(now.getTime() - days * 86_400_000);
  return new URLSearchParams({ from: from.toISOString(), to: now.toISOString() }).toString();
}
