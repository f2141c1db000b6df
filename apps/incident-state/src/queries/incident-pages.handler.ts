import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  CursorCodec,
  CursorPage,
  CursorPart,
  IncidentAlertView,
  IncidentNote,
  IncidentPageQuery,
  Queries,
  TimelineEntry,
} from '@oncall/contracts';
import { OrgRequest, readCursor } from '@oncall/platform-messaging';
import { alertsCursor, notesCursor, timelineCursor } from './incident-cursors';
import { IncidentPages } from './incident-pages';

/** The next pages of an incident's alerts, notes and timeline, after the first ones of the detail. */
@Controller()
export class IncidentPagesHandler {
  constructor(private readonly pages: IncidentPages) {}

  @MessagePattern(Queries.incident.alerts)
  async alerts(@OrgRequest() request: OrgRequest<IncidentPageQuery>): Promise<CursorPage<IncidentAlertView>> {
    const { orgId, query } = await this.checked(request, alertsCursor);
    return this.pages.alerts(orgId, query);
  }

  @MessagePattern(Queries.incident.notes)
  async notes(@OrgRequest() request: OrgRequest<IncidentPageQuery>): Promise<CursorPage<IncidentNote>> {
    const { orgId, query } = await this.checked(request, notesCursor);
    return this.pages.notes(orgId, query);
  }

  @MessagePattern(Queries.incident.timeline)
  async timeline(@OrgRequest() request: OrgRequest<IncidentPageQuery>): Promise<CursorPage<TimelineEntry>> {
    const { orgId, query } = await this.checked(request, timelineCursor);
    return this.pages.timeline(orgId, query);
  }

  /** A malformed cursor is a 400 before the incident is looked for (a 404 would hide what is wrong). */
  private async checked(
    { orgId, data }: OrgRequest<IncidentPageQuery>,
    codec: CursorCodec<readonly CursorPart[]>,
  ) {
    if (data?.cursor !== undefined) readCursor(codec, data.cursor);
    const incidentId = await this.pages.requireIncident(orgId, data?.incidentId);
    return { orgId, query: { ...data, incidentId } };
  }
}
