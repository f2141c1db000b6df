/**
 * The report shapes reporting answers with (ADR 0185): the wire's own copies of reporting-domain's results, so
 * a change in the domain is a compile error where reporting answers, never a silent change of the API.
 */
export interface WireDurationStats {
  readonly count: number;
  readonly mean: number | null;
  readonly median: number | null;
  readonly p90: number | null;
}

export type WireCounts = Readonly<Record<string, number>>;

export interface IncidentReport {
  readonly incidents: number;
  readonly mtta: WireDurationStats;
  readonly mttr: WireDurationStats;
  readonly volume: {
    readonly bySeverity: WireCounts;
    readonly byService: WireCounts;
    readonly byClient: WireCounts;
    readonly bySource: WireCounts;
  };
  readonly escalation: {
    readonly steppedBeyondFirst: number;
    readonly escalationRate: number | null;
    readonly unanswered: number;
    readonly unansweredRate: number | null;
  };
  readonly noise: { readonly alerts: number; readonly alertsPerIncident: number | null };
  readonly acknowledgementsByPerson: WireCounts;
}

export type TrendBucket = 'day' | 'week';

export interface TrendPoint {
  readonly start: string;
  readonly incidents: number;
  readonly mttaMean: number | null;
  readonly mttrMean: number | null;
  readonly unanswered: number;
}

export interface Technician {
  readonly userId: string;
  readonly timeZone: string;
}

export interface PersonBurden {
  readonly userId: string;
  readonly timeZone: string;
  readonly hoursOnCall: number;
  readonly pages: number;
  readonly pagesOutsideBusinessHours: number;
  readonly pagesDuringSleepHours: number;
  readonly incidentsAcknowledged: number;
}

export interface BurdenSpread {
  readonly people: number;
  readonly meanHoursOnCall: number | null;
  readonly meanPages: number | null;
  readonly pageShare: Readonly<Record<string, number | null>>;
  readonly hourShare: Readonly<Record<string, number | null>>;
  readonly carryingTooMuch: readonly string[];
}
