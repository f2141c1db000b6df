import { Controller, Get, Query, Req } from '@nestjs/common';
import { IncidentPage, ListIncidentsQuery, ListIncidentsQueryDto, Queries } from '@oncall/contracts';
import { Principal } from '@oncall/platform-auth';
import { MessageBus } from '@oncall/platform-messaging';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/current-principal.decorator';

/** Incidents live in incident-state; the API asks it, always for the caller's own organization. */
@Controller('api/v1/incidents')
export class IncidentsController {
  constructor(private readonly bus: MessageBus) {}

  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListIncidentsQueryDto,
    @Req() request: Request & { correlationId: string },
  ): Promise<IncidentPage> {
    return this.bus.rpc.request<IncidentPage, ListIncidentsQuery>(
      Queries.incident.list,
      { ...query },
      {
        orgId: principal.orgId,
        correlationId: request.correlationId,
        causationId: null,
      },
    );
  }
}
