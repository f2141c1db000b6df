import { ReportFilters } from '@oncall/contracts';

/**
 * The incidents a report is about, as a CTE read once by an index-only scan of the covering index: one
 * organization, opened in the window, narrowed by the filters given. `none` in sources matches incidents
 * without a known source.
 */
export function reportScope(orgId: string, filters: ReportFilters): { cte: string; params: unknown[] } {
  return {
    cte: `scope AS MATERIALIZED (
      SELECT opened_at, acknowledged_at, resolved_at, merged, severity, service_id, source_id,
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

/** Seconds as float8 (date_part), which sorts and sums far faster than extract's numeric. */
export const ACK_SECONDS = "(date_part('epoch', acknowledged_at) - date_part('epoch', opened_at))";
export const RESOLVE_SECONDS = "(date_part('epoch', resolved_at) - date_part('epoch', opened_at))";
