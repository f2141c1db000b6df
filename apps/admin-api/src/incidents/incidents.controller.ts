import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IncidentPage, ListIncidentsQuery, ListIncidentsQueryDto, Queries } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { Requires } from '../auth/requires.decorator';
import { Caller, RequestContext } from '../directory/shared/request-context';

/** Incidents live in incident-state; the API asks it, always for the caller's own organization. */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(private readonly bus: MessageBus) {}

  @Get()
  @Requires('incidents:read')
  list(@Caller() caller: RequestContext, @Query() query: ListIncidentsQueryDto): Promise<IncidentPage> {
    return this.bus.rpc.request<IncidentPage, ListIncidentsQuery>(
      Queries.incident.list,
      { ...query },
      {
        orgId: caller.orgId,
        correlationId: caller.correlationId,
        causationId: null,
      },
    );
  }
}
