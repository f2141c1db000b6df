import { Controller, Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  Commands,
  TicketRequestView,
  RequestTicketCommand,
  RpcErrorCodes,
  SEVERITIES,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { OrgRequest, RpcError } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { PsaConnection } from '../adapters/psa-adapter.port';
import { TicketDispatcher } from '../dispatch/ticket-dispatcher';
import { IncidentCopies } from '../incident-events/incident-copies';
import { LinkRow, requestViewOf } from '../links/ticket-link.rows';
import { TicketLinks } from '../links/ticket-links.store';

/**
 * A person asks for the incident's ticket (ADR 0164). The first request reserves it and answers `pending`;
 * any later one answers the same reservation (`pending`, or `created` with the ticket), never a second
 * ticket. After a refusal (`failed`) asking again tries again.
 */
@Controller()
export class RequestTicketHandler {
  constructor(
    private readonly connection: PsaConnection,
    private readonly dataSource: DataSource,
    private readonly links: TicketLinks,
    private readonly incidents: IncidentCopies,
    private readonly dispatcher: TicketDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(Commands.psa.requestTicket)
  async handle(
    @OrgRequest() { context, data }: OrgRequest<RequestTicketCommand>,
  ): Promise<TicketRequestView> {
    if (!this.connection.configured)
      throw new RpcError('PSA_NOT_CONFIGURED', 'No PSA is configured for On-Call (PSA_API_URL), so no ticket can be made.'); // prettier-ignore
    const { incidentId, actor, incident } = checked(data);
    const key = { orgId: context.orgId, incidentId };
    const ticketRequest = { ...key, requestedBy: 'manual' as const, userId: actor.userId };
    const facts = { correlationId: context.correlationId, causationId: null, occurredAt: this.clock.now() };
    const row = await this.dataSource.transaction(async (tx): Promise<LinkRow> => {
      await this.incidents.recordIfMissing(tx, key, incident);
      const current = await this.links.find(tx, key, true);
      if (current?.state === 'failed')
        return (await this.links.retryFailed(tx, ticketRequest, facts)) ?? current;
      if (current) return current;
      // Reserved by someone else between the two statements (the trigger, an acknowledgement): that one.
      const reserved =
        (await this.links.reserve(tx, ticketRequest, facts)) ?? (await this.links.find(tx, key));
      if (!reserved) throw new Error(`The ticket of incident ${incidentId} was neither reserved nor found`);
      return reserved;
    });
    this.dispatcher.poke();
    return requestViewOf(row);
  }
}

function checked(data: RequestTicketCommand | undefined): RequestTicketCommand {
  const text = (value: unknown) => typeof value === 'string' && value.length > 0;
  const incident = data?.incident;
  const valid =
    text(data?.incidentId) &&
    text(data?.actor?.userId) &&
    text(incident?.serviceId) &&
    text(incident?.title) &&
    SEVERITIES.includes(incident?.severity as never) &&
    text(incident?.triggeredAt);
  if (!valid || !data) throw new RpcError(RpcErrorCodes.validationFailed, 'A ticket request names the incident, its facts and who asks.'); // prettier-ignore
  return data;
}
