import { Injectable } from '@nestjs/common';
import { IncidentTrendAnswer, IncidentTrendQuery } from '@oncall/contracts';
import { addDays, TrendPoint, weekStartOf, zonedParts } from '@oncall/reporting-domain';
import { DataSource } from 'typeorm';
import { reportScope, withWorkMemory } from './report-scope';

interface BucketRow {
  start: string;
  incidents: number;
  mtta_mean: number | null;
  mttr_mean: number | null;
  unanswered: number;
}

/**
 * Incidents per local day or ISO week, as reporting-domain's incidentTrend defines them. The scope is
 * first summed per UTC quarter hour (cheap integer grouping), and only those sums are placed in local
 * days: every zone's offset is a whole number of quarter hours, so a quarter never straddles a local
 * midnight, and the zone's DST rules come from PostgreSQL. Empty buckets are filled in here.
 */
@Injectable()
export class IncidentTrendReader {
  constructor(private readonly dataSource: DataSource) {}

  async trend(orgId: string, query: IncidentTrendQuery): Promise<IncidentTrendAnswer> {
    const { cte, params } = reportScope(orgId, query);
    const rows: BucketRow[] = await withWorkMemory(this.dataSource, (tx) =>
      tx.query(`WITH ${cte} ${TREND_SQL}`, [...params, query.bucket, query.timeZone]),
    );
    const found = new Map(rows.map((row) => [row.start, row]));
    const keyOf = (epochMs: number) => {
      const date = zonedParts(epochMs, query.timeZone).date;
      return query.bucket === 'day' ? date : weekStartOf(date);
    };
    const step = query.bucket === 'day' ? 1 : 7;
    const points: TrendPoint[] = [];
    const last = keyOf(Date.parse(query.to) - 1);
    for (let key = keyOf(Date.parse(query.from)); key <= last; key = addDays(key, step)) {
      const row = found.get(key);
      points.push({
        start: key,
        incidents: row?.incidents ?? 0,
        mttaMean: toMillisecond(row?.mtta_mean),
        mttrMean: toMillisecond(row?.mttr_mean),
        unanswered: row?.unanswered ?? 0,
      });
    }
    return {
      window: { from: query.from, to: query.to },
      bucket: query.bucket,
      timeZone: query.timeZone,
      points,
    };
  }
}

const TREND_SQL = `,
  quarters AS (
    SELECT opened_quarter AS quarter,
      count(*) AS incidents,
      sum(ack_seconds) AS ack_sum,
      count(ack_seconds) AS ack_count,
      sum(resolve_seconds) AS resolve_sum,
      count(resolve_seconds) AS resolve_count,
      count(*) FILTER (WHERE unanswered) AS unanswered
    FROM scope GROUP BY 1)
  SELECT to_char(date_trunc($7, to_timestamp(quarter * 900) AT TIME ZONE $8), 'YYYY-MM-DD') AS start,
    sum(incidents)::int AS incidents,
    sum(ack_sum) / nullif(sum(ack_count), 0) AS mtta_mean,
    sum(resolve_sum) / nullif(sum(resolve_count), 0) AS mttr_mean,
    sum(unanswered)::int AS unanswered
  FROM quarters GROUP BY 1`;

function toMillisecond(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 1000) / 1000;
}
