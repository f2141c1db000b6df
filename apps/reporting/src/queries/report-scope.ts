import { ReportFilters } from '@oncall/contracts';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The incidents a report is about, as a CTE read once by an index-only scan of the covering index: one
 * organization, opened in the window, narrowed by the filters given. `none` in sources matches incidents
 * without a known source.
 */
export function reportScope(orgId: string, filters: ReportFilters): { cte: string; params: unknown[] } {
  return {
    cte: `scope AS MATERIALIZED (
      SELECT opened_quarter, ack_seconds, resolve_seconds, severity, service_id, source_id,
             alert_count, max_level, unanswered, acknowledged_by
      FROM report_incidents
      WHERE org_id = $1 AND opened_at >= $2 AND opened_at < $3
        AND ($4::text[] IS NULL OR service_id = ANY($4))
        AND ($5::text[] IS NULL OR severity = ANY($5))
        AND ($6::text[] IS NULL OR coalesce(source_id, 'none') = ANY($6)))`,
    params: [
      orgId,
      filters.from,
      filters.to,
      filters.serviceIds ?? null,
      filters.severities ?? null,
      filters.sourceIds ?? null,
    ],
  };
}

/**
 * Runs a report statement with room to sort and hash a window of tens of thousands of incidents in memory
 * (the default 4 MB spills the scope and the percentile sorts to disk).
 */
export function withWorkMemory<T>(
  dataSource: DataSource,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (tx) => {
    await tx.query("SET LOCAL work_mem = '64MB'");
    return work(tx);
  });
}
