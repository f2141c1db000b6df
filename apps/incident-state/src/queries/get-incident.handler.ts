import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { GetIncidentQuery, IncidentDetail, Queries } from '@oncall/contracts';
import { OrgRequest, RpcError } from '@oncall/platform-messaging';
import { IncidentDetailReader } from './incident-detail.reader';
import { IncidentPages } from './incident-pages';
import { rowToSummary } from './incident-row.mapper';

const FIRST_PAGE = 25;

/**
 * One incident: its summary and the first page of its alerts, notes and timeline (newest first). Bounded
 * whatever the incident holds; the rest is read page by page (IncidentPagesHandler).
 */
@Controller()
export class GetIncidentHandler {
  constructor(
    private readonly details: IncidentDetailReader,
    private readonly pages: IncidentPages,
  ) {}

  @MessagePattern(Queries.incident.get)
  async handle(@OrgRequest() { orgId, data }: OrgRequest<GetIncidentQuery>): Promise<IncidentDetail> {
    const incidentId = await this.pages.requireIncident(orgId, data?.incidentId);
    const row = await this.details.detailRow(orgId, incidentId);
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
