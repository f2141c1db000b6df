import { HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import {
  Commands,
  GetIncidentQuery,
  TicketRequestView,
  IncidentDetail,
  Queries,
  RequestTicketCommand,
} from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { Caller, personActorOf, RequestContext, rpcContextOf } from '@oncall/platform-runtime';
import type { Response } from 'express';
import { Requires } from '../auth/requires.decorator';
import { ApiController } from '../shared/api-controller.decorator';

/** A responder asks for the incident's PSA ticket by hand (ADR 0164). */
@ApiController('incidents', 'api/v1/incidents/:id/ticket')
export class IncidentTicketController {
  constructor(private readonly bus: MessageBus) {}

  @Post()
  @HttpCode(202)
  @Requires('incidents:respond')
  @ApiOperation({
    summary: 'Create the incident’s PSA ticket (once)',
    description:
      'Makes one ticket per incident, however often it is called. 200 `{ state: "created", ticket }` when the ' +
      'incident has its ticket (the existing one, never a second). 202 `{ state: "pending", ticket: null }` while ' +
      'it is being created or the PSA is unreachable (retried until it answers); the ticket then appears on the ' +
      'incident (`ticket`) and its timeline. A ticket the PSA refused is tried again. 409 PSA_NOT_CONFIGURED ' +
      'when no PSA is configured (GET /api/v1/psa/status).',
  })
  @ApiResponse({
    status: 200,
    description: '`{ state: "created", ticket: { provider, ticketId, url }, requestedAt }`',
  })
  @ApiResponse({ status: 202, description: '`{ state: "pending", ticket: null, requestedAt }`' })
  @ApiResponse({ status: 404, description: 'No such incident in your organization.' })
  @ApiResponse({ status: 409, description: 'PSA_NOT_CONFIGURED' })
  async request(
    @Caller() caller: RequestContext,
    @Param('id', ParseUUIDPipe) incidentId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketRequestView> {
    const context = rpcContextOf(caller);
    const { incident } = await this.bus.rpc.request<IncidentDetail, GetIncidentQuery>(Queries.incident.get, { incidentId }, context); // prettier-ignore
    const { userId, name } = personActorOf(caller);
    const answer = await this.bus.rpc.request<TicketRequestView, RequestTicketCommand>(
      Commands.psa.requestTicket,
      {
        incidentId,
        actor: { userId, name },
        incident: { serviceId: incident.serviceId, title: incident.title, severity: incident.severity, triggeredAt: incident.triggeredAt }, // prettier-ignore
      },
      context,
    );
    if (answer.state === 'created') response.status(200);
    return answer;
  }
}
