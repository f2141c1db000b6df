import { Injectable } from '@nestjs/common';
import { MERGED_IDS_IN_DETAIL } from '@oncall/contracts';
import { DataSource } from 'typeorm';
import { IncidentRow, SUMMARY_COLUMNS } from './incident-row.mapper';

/** What the detail takes from the folded state, read in SQL so the state itself never leaves the database. */
export interface DetailRow extends IncidentRow {
  merged_into: string | null;
  resolution_reason: string | null;
  merged_count: number;
  merged_ids: string[];
  alert_entries: number;
}

/** The incident read model's detail row of one incident of the organization; undefined when there is none. */
@Injectable()
export class IncidentDetailReader {
  constructor(private readonly dataSource: DataSource) {}

  async detailRow(orgId: string, incidentId: string): Promise<DetailRow | undefined> {
    const [row]: DetailRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS},
         state->>'mergedInto' AS merged_into,
         state->>'resolutionReason' AS resolution_reason,
         COALESCE(jsonb_array_length(state->'mergedIncidentIds'), 0) AS merged_count,
         jsonb_array_length(state->'alerts') AS alert_entries,
         ARRAY(SELECT m.id FROM jsonb_array_elements_text(state->'mergedIncidentIds') WITH ORDINALITY AS m(id, n)
               ORDER BY m.n LIMIT $3) AS merged_ids
       FROM incidents WHERE org_id = $1 AND id = $2`,
      [orgId, incidentId, MERGED_IDS_IN_DETAIL],
    );
    return row;
  }
}
