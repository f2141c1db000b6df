import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { GetIncidentQuery, IncidentDetail, Queries, RpcRequest, TimelineEntry } from '@oncall/contracts';
import { ExistingIncident } from '@oncall/incident-domain';
import { organizationContextOf, RpcError } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { IncidentRow, rowToSummary } from './incident-row.mapper';

interface TimelineRow {
  version: number;
  at: Date;
  type: string;
  actor: TimelineEntry['actor'];
  detail: Record<string, unknown>;
}

/** One incident with its alerts, notes and full timeline, from the read models. */
@Controller()
export class GetIncidentHandler {
  constructor(private readonly dataSource: DataSource) {}

  @MessagePattern(Queries.incident.get)
  async handle(@Payload() request: RpcRequest<GetIncidentQuery>): Promise<IncidentDetail> {
    const { orgId } = organizationContextOf(request);
    const { incidentId } = request.data;
    const rows: (IncidentRow & { state: ExistingIncident })[] = await this.dataSource.query(
      'SELECT * FROM incidents WHERE org_id = $1 AND id = $2',
      [orgId, incidentId],
    );
    if (!rows[0])
      throw new RpcError('NOT_FOUND', `Incident ${incidentId} was not found in this organization.`);
    const timelineRows: TimelineRow[] = await this.dataSource.query(
      `SELECT version, at, type, actor, detail FROM incident_timeline
       WHERE org_id = $1 AND incident_id = $2 ORDER BY version`,
      [orgId, incidentId],
    );
    const timeline = timelineRows.map((row) => ({ ...row, at: row.at.toISOString() }));
    const { state } = rows[0];
    return {
      incident: rowToSummary(rows[0]),
      alerts: state.alerts.map((alert) => ({ ...alert })),
      notes: timeline
        .filter((entry) => entry.type === 'NoteAdded')
        .map((entry) => ({
          noteId: String(entry.detail.noteId),
          text: String(entry.detail.text),
          by: entry.actor,
          at: entry.at,
        })),
      mergedInto: state.mergedInto,
      mergedIncidentIds: [...state.mergedIncidentIds],
      resolutionReason: state.resolutionReason,
      timeline,
    };
  }
}
