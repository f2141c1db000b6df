import { Injectable } from '@nestjs/common';
import { IncidentTrendAnswer, IncidentTrendQuery } from '@oncall/contracts';
import { addDays, TrendPoint, weekStartOf, zonedParts } from '@oncall/reporting-domain';
import { DataSource } from 'typeorm';
import { ACK_SECONDS, RESOLVE_SECONDS, reportScope } from './report-scope';

interface BucketRow {
  start: string;
  incidents: string;
  mtta_mean: string | null;
  mttr_mean: string | null;
  unanswered: string;
}

/**
 * Incidents per local day or ISO week: PostgreSQL truncates the local time in the zone (DST-correct), the
 * buckets without incidents are filled in here, as reporting-domain's incidentTrend defines them.
 */
@Injectable()
export class IncidentTrendReader {
  constructor(private readonly dataSource: DataSource) {}

  async trend(orgId: string, query: IncidentTrendQuery): Promise<IncidentTrendAnswer> {
    const { cte, params } = reportScope(orgId, query);
    const rows: BucketRow[] = await this.dataSource.query(
      `WITH ${cte}
       SELECT to_char(date_trunc($7, opened_at AT TIME ZONE $8), 'YYYY-MM-DD') AS start,
         count(*) AS incidents,
         avg(${ACK_SECONDS}) FILTER (WHERE NOT merged) AS mtta_mean,
         avg(${RESOLVE_SECONDS}) FILTER (WHERE NOT merged) AS mttr_mean,
         count(*) FILTER (WHERE unanswered) AS unanswered
       FROM scope GROUP BY 1`,
      [...params, query.bucket, query.timeZone],
    );
    const found = new Map(rows.map((row) => [row.start, row]));
    const keyOf = (epochMs: number) => {
      const date = zonedParts(epochMs, query.timeZone).date;
      return query.bucket === 'day' ? date : weekStartOf(date);
    };
    const points: TrendPoint[] = [];
    const last = keyOf(Date.parse(query.to) - 1);
    for (
      let key = keyOf(Date.parse(query.from));
      key <= last;
      key = addDays(key, query.bucket === 'day' ? 1 : 7)
    ) {
      const row = found.get(key);
      points.push({
        start: key,
        incidents: Number(row?.incidents ?? 0),
        mttaMean: toMillisecond(row?.mtta_mean),
        mttrMean: toMillisecond(row?.mttr_mean),
        unanswered: Number(row?.unanswered ?? 0),
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

function toMillisecond(value: string | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(Number(value) * 1000) / 1000;
}
