import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetIncidentQuery,
  IncidentDetail,
  MERGED_IDS_IN_DETAIL,
  Queries,
  RpcRequest,
} from '@oncall/contracts';
import { organizationContextOf, RpcError } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { IncidentPages } from './incident-pages';
import { IncidentRow, rowToSummary, SUMMARY_COLUMNS } from './incident-row.mapper';

/** What the detail takes from the folded state, read in SQL so the state itself never leaves the database. */
interface DetailRow extends IncidentRow {
  merged_into: string | null;
  resolution_reason: string | null;
  merged_count: number;
  merged_ids: string[];
  alert_entries: number;
}

const FIRST_PAGE = 25;

/**
 * One incident: its summary and the first page of its alerts, notes and timeline (newest first). Bounded
 * whatever the incident holds; the rest is read page by page (IncidentPagesHandler).
 */
@Controller()
export class GetIncidentHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pages: IncidentPages,
  ) {}

  @MessagePattern(Queries.incident.get)
  async handle(@Payload() request: RpcRequest<GetIncidentQuery>): Promise<IncidentDetail> {
    const { orgId } = organizationContextOf(request);
    const incidentId = await this.pages.requireIncident(orgId, request.data?.incidentId);
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
    // Gone since it was found: only while the read model is being rebuilt.
    if (!row) throw new RpcError('NOT_FOUND', `Incident ${incidentId} was not found in this organization.`);
    const first = { incidentId, limit: FIRST_PAGE };
    const [alerts, notes, timeline] = await Promise.all([
      this.pages.alerts(orgId, first),
      this.pages.notes(orgId, first),
      this.pages.timeline(orgId, first),
    ]);
    return {
      incident: rowToSummary(row),
      alertEntryCount: row.alert_entries,
      alerts,
      notes,
      timeline,
      mergedInto: row.merged_into,
      mergedIncidentIds: row.merged_ids,
      mergedIncidentCount: row.merged_count,
      resolutionReason: row.resolution_reason,
    };
  }
}
