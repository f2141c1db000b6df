import { applyDecorators, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery } from '@nestjs/swagger';
import {
  CursorPage,
  CursorPageQueryDto,
  GetIncidentQuery,
  IncidentAlertView,
  IncidentDetail,
  IncidentEscalationView,
  IncidentNote,
  IncidentPage,
  IncidentPageQuery,
  ListIncidentsQuery,
  ListIncidentsQueryDto,
  PAGE_MAX_LIMIT,
  Queries,
  TimelineEntry,
} from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { Caller, RequestContext, rpcContextOf } from '@oncall/platform-runtime';
import { Requires } from '../auth/requires.decorator';
import { IncidentScopes } from './incident-scopes';
import { ApiController } from '../shared/api-controller.decorator';

/** Incidents live in incident-state; the API asks it, always for the caller's own organization. */
@ApiController('incidents', 'api/v1/incidents')
export class IncidentsController {
  constructor(
    private readonly bus: MessageBus,
    private readonly scopes: IncidentScopes,
  ) {}

  /**
   * A filter naming a client, service or person must name one of the organization (400 naming the
   * field otherwise), like a body field would: another organization's id is refused, not answered empty.
   */
  @Get()
  @Requires('incidents:read')
  async list(@Caller() caller: RequestContext, @Query() query: ListIncidentsQueryDto): Promise<IncidentPage> {
    const request = await this.scopes.listQuery(caller.orgId, query);
    if (request === null) return { items: [], nextCursor: null };
    return this.bus.rpc.request<IncidentPage, ListIncidentsQuery>(
      Queries.incident.list,
      request,
      rpcContextOf(caller),
    );
  }

  @Get(':id')
  @Requires('incidents:read')
  @ApiOperation({
    summary: 'One incident, with the first page of its alerts, notes and timeline',
    description:
      'Bounded whatever the incident holds: `alerts`, `notes` and `timeline` are each one page, newest ' +
      'first (`{ items, nextCursor }`); follow `nextCursor` on GET /api/v1/incidents/{id}/alerts, /notes and ' +
      '/timeline. `incident.alertCount` and `incident.version` give the totals. `mergedIncidentIds` lists the ' +
      'first 100 merged incidents; `mergedIncidentCount` says how many there are.',
  })
  @ApiOkResponse({ description: 'The incident (IncidentDetail).' })
  get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<IncidentDetail> {
    return this.bus.rpc.request<IncidentDetail, GetIncidentQuery>(
      Queries.incident.get,
      { incidentId: id },
      rpcContextOf(caller),
    );
  }

  @Get(':id/escalation')
  @Requires('incidents:read')
  @ApiOperation({
    summary: "The incident's escalation: its policy snapshot and where the walk stands",
    description:
      'The policy as it was when the incident triggered (id, version, steps; editing the policy affects new ' +
      'incidents only), the phase (`held`, `escalating`, `acknowledged`, `unanswered`, `users`, `resolved`), ' +
      'the urgency, the last step fired (`position`) and, while held outside support hours, `heldUntil`. ' +
      '404 until the escalation service has taken the incident up.',
  })
  @ApiOkResponse({ description: 'The escalation (IncidentEscalationView).' })
  escalation(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<IncidentEscalationView> {
    return this.bus.rpc.request<IncidentEscalationView, { incidentId: string }>(
      Queries.escalation.incidentEscalation,
      { incidentId: id },
      rpcContextOf(caller),
    );
  }

  @IncidentPageRoute(
    'alerts',
    'Each `{ position, alertId, dedupKey, summary, severity, receivedAt }`; position 1 opened it.',
  )
  alerts(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: CursorPageQueryDto,
  ): Promise<CursorPage<IncidentAlertView>> {
    return this.page(Queries.incident.alerts, caller, id, page);
  }

  @IncidentPageRoute('notes', 'Each `{ noteId, text, by, at, version }`.')
  notes(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: CursorPageQueryDto,
  ): Promise<CursorPage<IncidentNote>> {
    return this.page(Queries.incident.notes, caller, id, page);
  }

  @IncidentPageRoute('timeline', 'Each `{ version, at, type, actor, detail }`: one event of the incident.')
  timeline(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() page: CursorPageQueryDto,
  ): Promise<CursorPage<TimelineEntry>> {
    return this.page(Queries.incident.timeline, caller, id, page);
  }

  private page<T>(
    subject: string,
    caller: RequestContext,
    incidentId: string,
    page: CursorPageQueryDto,
  ): Promise<CursorPage<T>> {
    return this.bus.rpc.request<CursorPage<T>, IncidentPageQuery>(
      subject,
      { incidentId, ...page },
      rpcContextOf(caller),
    );
  }
}

/**
 * `GET :id/<what>`, one page of an incident's `what` (allowed with `incidents:read`), and its OpenAPI:
 * newest first, bounded in count and bytes.
 */
function IncidentPageRoute(what: string, items: string): MethodDecorator {
  return applyDecorators(
    ApiOperation({
      summary: `One page of an incident's ${what}, newest first`,
      description:
        `${items} A page holds at most \`limit\` items and at most about 200 KiB, so it may hold fewer than ` +
        '`limit` and still have a `nextCursor`; follow it until it is null. A cursor this API did not return ' +
        'is a 400 naming `cursor`.',
    }),
    ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page.' }),
    ApiQuery({ name: 'limit', required: false, description: `1 to ${PAGE_MAX_LIMIT}; default 50.` }),
    ApiOkResponse({ description: '`{ items, nextCursor }`' }),
    Requires('incidents:read'),
    Get(`:id/${what}`),
  );
}
