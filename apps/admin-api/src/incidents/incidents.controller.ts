import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  GetIncidentQuery,
  IncidentDetail,
  IncidentPage,
  ListIncidentsQuery,
  ListIncidentsQueryDto,
  Queries,
} from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { Requires } from '../auth/requires.decorator';
import { requireOrgReference } from '../directory/shared/org-references';
import { Caller, RequestContext, rpcContextOf } from '../directory/shared/request-context';

/** Incidents live in incident-state; the API asks it, always for the caller's own organization. */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(
    private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * A filter naming a client, service or person must name one of the organization (400 naming the
   * field otherwise), like a body field would: another organization's id is refused, not answered empty.
   */
  @Get()
  @Requires('incidents:read')
  async list(@Caller() caller: RequestContext, @Query() query: ListIncidentsQueryDto): Promise<IncidentPage> {
    const { clientId, ...filters } = query;
    const request: ListIncidentsQuery = { ...filters };
    const db = this.dataSource.manager;
    if (query.serviceId)
      await requireOrgReference(db, 'services', caller.orgId, query.serviceId, 'serviceId');
    if (query.assigneeId) {
      await requireOrgReference(db, 'users', caller.orgId, query.assigneeId, 'assigneeId');
      request.assigneeId = query.assigneeId.toLowerCase(); // as incident-state stores user ids
    }
    if (clientId) {
      await requireOrgReference(db, 'clients', caller.orgId, clientId, 'clientId');
      // Clients belong to the directory: turn the client into its services before asking incident-state.
      const rows: { id: string }[] = await db.query(
        'SELECT id FROM services WHERE org_id = $1 AND client_id = $2',
        [caller.orgId, clientId],
      );
      if (rows.length === 0) return { items: [], nextCursor: null };
      request.serviceIds = rows.map((row) => row.id);
    }
    return this.bus.rpc.request<IncidentPage, ListIncidentsQuery>(
      Queries.incident.list,
      request,
      rpcContextOf(caller),
    );
  }

  @Get(':id')
  @Requires('incidents:read')
  get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<IncidentDetail> {
    return this.bus.rpc.request<IncidentDetail, GetIncidentQuery>(
      Queries.incident.get,
      { incidentId: id },
      rpcContextOf(caller),
    );
  }
}
