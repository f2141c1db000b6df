import { Injectable } from '@nestjs/common';
import { IncidentReportAnswer, IncidentReportQuery } from '@oncall/contracts';
import { Counts, DurationStats, NONE, share } from '@oncall/reporting-domain';
import { DataSource } from 'typeorm';
import { reportScope, withWorkMemory } from './report-scope';

interface Figures {
  incidents: number;
  stepped: number;
  unanswered: number;
  alerts: number;
  mtta_count: number;
  mtta_mean: number | null;
  mtta_pct: number[] | null;
  mttr_count: number;
  mttr_mean: number | null;
  mttr_pct: number[] | null;
}

interface Volume {
  dimension: 'severity' | 'service' | 'source';
  key: string;
  count: number;
}

/**
 * The incident dashboard in one statement: the scope is read once, then the figures, the volume
 * breakdowns and the acknowledgements by person are computed from it. The definitions are
 * reporting-domain's (incidentReport); a test holds the two to the same answers.
 */
@Injectable()
export class IncidentReportReader {
  constructor(private readonly dataSource: DataSource) {}

  async report(orgId: string, query: IncidentReportQuery): Promise<IncidentReportAnswer> {
    const { cte, params } = reportScope(orgId, query);
    const [row]: { figures: Figures; volumes: Volume[] | null; acks: Counts | null }[] = await withWorkMemory(
      this.dataSource,
      (tx) => tx.query(`WITH ${cte} ${DASHBOARD_SQL}`, params),
    );
    const { figures } = row;
    const byService = countsOf(row.volumes, 'service');
    const clientOf = query.clientOf ?? {};
    const byClient: Record<string, number> = {};
    for (const [serviceId, count] of Object.entries(byService)) {
      const client = clientOf[serviceId] ?? NONE;
      byClient[client] = (byClient[client] ?? 0) + count;
    }
    const { incidents, stepped, unanswered, alerts } = figures;
    return {
      window: { from: query.from, to: query.to },
      incidents,
      mtta: stats(figures.mtta_count, figures.mtta_mean, figures.mtta_pct),
      mttr: stats(figures.mttr_count, figures.mttr_mean, figures.mttr_pct),
      volume: {
        bySeverity: countsOf(row.volumes, 'severity'),
        byService,
        byClient,
        bySource: countsOf(row.volumes, 'source'),
      },
      escalation: {
        steppedBeyondFirst: stepped,
        escalationRate: share(stepped, incidents),
        unanswered,
        unansweredRate: share(unanswered, incidents),
      },
      noise: { alerts, alertsPerIncident: share(alerts, incidents) },
      acknowledgementsByPerson: row.acks ?? {},
    };
  }
}

const DASHBOARD_SQL = `,
  figures AS (
    SELECT count(*) AS incidents,
      count(*) FILTER (WHERE max_level > 1) AS stepped,
      count(*) FILTER (WHERE unanswered) AS unanswered,
      coalesce(sum(alert_count), 0) AS alerts,
      count(ack_seconds) AS mtta_count,
      avg(ack_seconds) AS mtta_mean,
      percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ack_seconds) AS mtta_pct,
      count(resolve_seconds) AS mttr_count,
      avg(resolve_seconds) AS mttr_mean,
      percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolve_seconds) AS mttr_pct
    FROM scope),
  volumes AS (
    SELECT CASE GROUPING(severity, service_id, coalesce(source_id, '${NONE}'))
             WHEN 3 THEN 'severity' WHEN 5 THEN 'service' ELSE 'source' END AS dimension,
           coalesce(severity, service_id, coalesce(source_id, '${NONE}')) AS key,
           count(*) AS count
    FROM scope
    GROUP BY GROUPING SETS ((severity), (service_id), (coalesce(source_id, '${NONE}')))),
  acks AS (
    SELECT person, count(*) AS count FROM scope, unnest(acknowledged_by) person GROUP BY person)
  SELECT (SELECT row_to_json(figures) FROM figures) AS figures,
    (SELECT json_agg(volumes) FROM volumes) AS volumes,
    (SELECT json_object_agg(person, count) FROM acks) AS acks`;

function countsOf(rows: Volume[] | null, dimension: Volume['dimension']): Counts {
  return Object.fromEntries(
    (rows ?? []).filter((row) => row.dimension === dimension).map((row) => [row.key, Number(row.count)]),
  );
}

function stats(count: number, mean: number | null, percentiles: number[] | null): DurationStats {
  const round = (value: number | null | undefined) =>
    value === null || value === undefined ? null : Math.round(value * 1000) / 1000;
  return { count, mean: round(mean), median: round(percentiles?.[0]), p90: round(percentiles?.[1]) };
}
