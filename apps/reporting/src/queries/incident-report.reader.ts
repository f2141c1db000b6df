import { Injectable } from '@nestjs/common';
import { IncidentReportAnswer, IncidentReportQuery } from '@oncall/contracts';
import { Counts, DurationStats, NONE, share } from '@oncall/reporting-domain';
import { DataSource } from 'typeorm';
import { ACK_SECONDS, RESOLVE_SECONDS, reportScope } from './report-scope';

interface FigureRow {
  incidents: string;
  stepped: string;
  unanswered: string;
  alerts: string;
  mtta_count: string;
  mtta_mean: string | null;
  mtta_pct: number[] | null;
  mttr_count: string;
  mttr_mean: string | null;
  mttr_pct: number[] | null;
}

/**
 * The incident dashboard in three statements over one scope: the figures, the volume breakdowns and the
 * acknowledgements by person. The definitions are reporting-domain's (incidentReport); a test holds the
 * two to the same answers.
 */
@Injectable()
export class IncidentReportReader {
  constructor(private readonly dataSource: DataSource) {}

  async report(orgId: string, query: IncidentReportQuery): Promise<IncidentReportAnswer> {
    const { cte, params } = reportScope(orgId, query);
    const [[figures], volumes, acks] = await Promise.all([
      this.dataSource.query(`WITH ${cte} ${FIGURES_SQL}`, params) as Promise<FigureRow[]>,
      this.dataSource.query(`WITH ${cte} ${VOLUMES_SQL}`, params) as Promise<VolumeRow[]>,
      this.dataSource.query(`WITH ${cte} ${ACKS_SQL}`, params) as Promise<
        { user_id: string; count: string }[]
      >,
    ]);
    const incidents = Number(figures.incidents);
    const byService = countsOf(volumes, 'service');
    const clientOf = query.clientOf ?? {};
    const byClient: Record<string, number> = {};
    for (const [serviceId, count] of Object.entries(byService)) {
      const client = clientOf[serviceId] ?? NONE;
      byClient[client] = (byClient[client] ?? 0) + count;
    }
    const stepped = Number(figures.stepped);
    const unanswered = Number(figures.unanswered);
    const alerts = Number(figures.alerts);
    return {
      window: { from: query.from, to: query.to },
      incidents,
      mtta: stats(figures.mtta_count, figures.mtta_mean, figures.mtta_pct),
      mttr: stats(figures.mttr_count, figures.mttr_mean, figures.mttr_pct),
      volume: {
        bySeverity: countsOf(volumes, 'severity'),
        byService,
        byClient,
        bySource: countsOf(volumes, 'source'),
      },
      escalation: {
        steppedBeyondFirst: stepped,
        escalationRate: share(stepped, incidents),
        unanswered,
        unansweredRate: share(unanswered, incidents),
      },
      noise: { alerts, alertsPerIncident: share(alerts, incidents) },
      acknowledgementsByPerson: Object.fromEntries(acks.map((row) => [row.user_id, Number(row.count)])),
    };
  }
}

const FIGURES_SQL = `
  SELECT count(*) AS incidents,
    count(*) FILTER (WHERE max_level > 1) AS stepped,
    count(*) FILTER (WHERE unanswered) AS unanswered,
    coalesce(sum(alert_count), 0) AS alerts,
    count(*) FILTER (WHERE NOT merged AND acknowledged_at IS NOT NULL) AS mtta_count,
    avg(${ACK_SECONDS}) FILTER (WHERE NOT merged) AS mtta_mean,
    percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${ACK_SECONDS}) FILTER (WHERE NOT merged) AS mtta_pct,
    count(*) FILTER (WHERE NOT merged AND resolved_at IS NOT NULL) AS mttr_count,
    avg(${RESOLVE_SECONDS}) FILTER (WHERE NOT merged) AS mttr_mean,
    percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${RESOLVE_SECONDS}) FILTER (WHERE NOT merged) AS mttr_pct
  FROM scope`;

interface VolumeRow {
  dimension: 'severity' | 'service' | 'source';
  key: string;
  count: string;
}

const VOLUMES_SQL = `
  SELECT CASE GROUPING(severity, service_id, coalesce(source_id, '${NONE}'))
           WHEN 3 THEN 'severity' WHEN 5 THEN 'service' ELSE 'source' END AS dimension,
         coalesce(severity, service_id, coalesce(source_id, '${NONE}')) AS key,
         count(*) AS count
  FROM scope
  GROUP BY GROUPING SETS ((severity), (service_id), (coalesce(source_id, '${NONE}')))`;

const ACKS_SQL = `
  SELECT a.user_id, count(*) AS count
  FROM report_acknowledgements a JOIN scope s ON s.incident_id = a.incident_id
  GROUP BY a.user_id`;

function countsOf(rows: VolumeRow[], dimension: VolumeRow['dimension']): Counts {
  return Object.fromEntries(
    rows.filter((row) => row.dimension === dimension).map((row) => [row.key, Number(row.count)]),
  );
}

function stats(count: string, mean: string | null, percentiles: number[] | null): DurationStats {
  const round = (value: number | string | null | undefined) =>
    value === null || value === undefined ? null : Math.round(Number(value) * 1000) / 1000;
  return {
    count: Number(count),
    mean: round(mean),
    median: round(percentiles?.[0]),
    p90: round(percentiles?.[1]),
  };
}
