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
    const rows = await this.buckets(orgId, query);
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

  /**
   * Unfiltered, the whole quarter hours of the window come from report_quarter_rollups and only the
   * partial quarters at its edges from the incidents; filtered, every incident of the scope is read.
   */
  private buckets(orgId: string, query: IncidentTrendQuery): Promise<BucketRow[]> {
    const first = Math.ceil(Date.parse(query.from) / QUARTER_MS);
    const end = Math.floor(Date.parse(query.to) / QUARTER_MS);
    const filtered = query.serviceIds || query.severities || query.sourceIds;
    if (filtered || end <= first) {
      const { cte, params } = reportScope(orgId, query);
      return withWorkMemory(this.dataSource, (tx) =>
        tx.query(`WITH ${cte} ${QUARTERS_FROM_SCOPE_SQL} ${localBuckets(7)}`, [
          ...params,
          query.bucket,
          query.timeZone,
        ]),
      );
    }
    return withWorkMemory(this.dataSource, (tx) =>
      tx.query(`WITH ${QUARTERS_FROM_ROLLUPS_SQL} ${localBuckets(8)}`, [
        orgId,
        query.from,
        query.to,
        first,
        end,
        new Date(first * QUARTER_MS).toISOString(),
        new Date(end * QUARTER_MS).toISOString(),
        query.bucket,
        query.timeZone,
      ]),
    );
  }
}

const QUARTER_MS = 900_000;

const QUARTER_SUMS = `
  count(*) AS incidents,
  sum(ack_seconds::numeric) AS ack_sum, count(ack_seconds) AS ack_count,
  sum(resolve_seconds::numeric) AS resolve_sum, count(resolve_seconds) AS resolve_count,
  count(*) FILTER (WHERE unanswered) AS unanswered`;

const QUARTERS_FROM_SCOPE_SQL = `,
  quarters AS (SELECT opened_quarter AS quarter, ${QUARTER_SUMS} FROM scope GROUP BY 1)`;

/** $4..$5: the whole quarters of the window; $6, $7: where they begin and end. */
const QUARTERS_FROM_ROLLUPS_SQL = `
  quarters AS (
    SELECT quarter, incidents, ack_sum, ack_count, resolve_sum, resolve_count, unanswered
    FROM report_quarter_rollups WHERE org_id = $1 AND quarter >= $4 AND quarter < $5
    UNION ALL
    SELECT opened_quarter, ${QUARTER_SUMS} FROM report_incidents
    WHERE org_id = $1 AND ((opened_at >= $2 AND opened_at < $6) OR (opened_at >= $7 AND opened_at < $3))
    GROUP BY 1)`;

/** The quarters placed in local days or weeks: `$n` is 'day' | 'week', `$n+1` the zone. */
const localBuckets = (n: number) => `
  SELECT to_char(date_trunc($${n}, to_timestamp(quarter * 900) AT TIME ZONE $${n + 1}), 'YYYY-MM-DD') AS start,
    sum(incidents)::int AS incidents,
    (sum(ack_sum) / nullif(sum(ack_count), 0))::float8 AS mtta_mean,
    (sum(resolve_sum) / nullif(sum(resolve_count), 0))::float8 AS mttr_mean,
    sum(unanswered)::int AS unanswered
  FROM quarters GROUP BY 1`;

function toMillisecond(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 1000) / 1000;
}
