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
import { Caller, RequestContext } from '../directory/shared/request-context';

/** Incidents live in incident-state; the API asks it, always for the caller's own organization. */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(
    private readonly bus: MessageBus,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Requires('incidents:read')
  async list(@Caller() caller: RequestContext, @Query() query: ListIncidentsQueryDto): Promise<IncidentPage> {
    const { clientId, ...filters } = query;
    const request: ListIncidentsQuery = { ...filters };
    if (clientId) {
      // Clients belong to the directory: turn the client into its services before asking incident-state.
      const rows: { id: string }[] = await this.dataSource.query(
        'SELECT id FROM services WHERE org_id = $1 AND client_id = $2',
        [caller.orgId, clientId],
      );
      if (rows.length === 0) return { items: [], nextCursor: null };
      request.serviceIds = rows.map((row) => row.id);
    }
    return this.bus.rpc.request<IncidentPage, ListIncidentsQuery>(
      Queries.incident.list,
      request,
      this.context(caller),
    );
  }

  @Get(':id')
  @Requires('incidents:read')
  get(@Caller() caller: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<IncidentDetail> {
    return this.bus.rpc.request<IncidentDetail, GetIncidentQuery>(
      Queries.incident.get,
      { incidentId: id },
      this.context(caller),
    );
  }

  private context(caller: RequestContext) {
    return { orgId: caller.orgId, correlationId: caller.correlationId, causationId: null };
  }
}
