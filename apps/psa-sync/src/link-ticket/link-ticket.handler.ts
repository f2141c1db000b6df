import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  Commands,
  Consumers,
  ExecuteIncidentCommand,
  IncidentCommandResult,
  MessageEnvelope,
  psaEventSubject,
  Streams,
  TicketCreated,
} from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';

/**
 * Puts a created ticket on the incident (LinkTicket → TicketLinked), from psa-sync's own durable consumer of
 * TicketCreated: the link was recorded with the fact in one transaction, so incident-state being down
 * only delays it (the consumer waits for it), and a redelivery links the same ticket again, which
 * changes nothing.
 */
@Controller()
export class LinkTicketHandler {
  constructor(private readonly bus: MessageBus) {}

  @EventPattern(psaEventSubject('TicketCreated'), {
    stream: Streams.psa.name,
    durable: Consumers.psaSyncLinkTicket,
  })
  async handle(@Payload() envelope: MessageEnvelope<'TicketCreated', TicketCreated>): Promise<void> {
    const { incidentId, orgId, ticket } = envelope.data;
    const command = {
      type: 'LinkTicket' as const,
      data: { incidentId, orgId, provider: ticket.provider, ticketId: ticket.ticketId, url: ticket.url },
      by: { kind: 'system' as const, reason: 'psa' },
      at: envelope.metadata.occurredAt,
    };
    await this.bus.rpc.request<IncidentCommandResult, ExecuteIncidentCommand>(
      Commands.incident.execute(command.type),
      { command },
      { orgId, correlationId: envelope.metadata.correlationId, causationId: envelope.metadata.eventId },
      10_000,
    );
  }
}
