import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Consumers, MessageEnvelope, Streams, Subjects } from '@oncall/contracts';
import { DurableEventPattern } from '@oncall/platform-messaging';
import { DataSource, EntityManager } from 'typeorm';
import { PsaConnection } from '../adapters/psa-adapter.port';
import { PsaConnectionRegistry } from '../connection/psa-connection.registry';
import { DirectoryCopies } from '../directory/directory-copies';
import { TicketDispatcher } from '../dispatch/ticket-dispatcher';
import { FactContext } from '../links/psa-facts';
import { LinkKey } from '../links/ticket-link.rows';
import { TicketLinks } from '../links/ticket-links.store';
import { IncidentCopies } from './incident-copies';
import { IncidentEventData, TicketWork, ticketWorkOf } from './ticket-work';

type IncidentEnvelope = MessageEnvelope<string, IncidentEventData>;
const TICKET_EVENTS = new Set(['IncidentTriggered', 'IncidentAcknowledged', 'NoteAdded', 'IncidentResolved']);

/**
 * Incident events in stream order (one at a time across replicas, so an incident's notes reach its lane in
 * the order they were added): each updates psa-sync's copy of the incident and, per the service's ticket
 * mode, reserves the ticket or queues a note or the resolution, in one transaction. It never calls the PSA:
 * the dispatcher does, after the commit.
 */
@Controller()
export class IncidentEventsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: PsaConnection,
    private readonly registry: PsaConnectionRegistry,
    private readonly directory: DirectoryCopies,
    private readonly incidents: IncidentCopies,
    private readonly links: TicketLinks,
    private readonly dispatcher: TicketDispatcher,
  ) {}

  @DurableEventPattern(Subjects.incidentEvents, Streams.incidents, Consumers.psaSyncIncidents, {
    maxAckPending: 1,
  })
  async handle(@Payload() envelope: IncidentEnvelope): Promise<void> {
    if (!TICKET_EVENTS.has(envelope.type) || typeof envelope.data?.incidentId !== 'string') return;
    await Promise.all([this.registry.ready(), this.directory.ready()]);
    const { orgId, eventId, occurredAt, correlationId } = envelope.metadata;
    const key = { orgId, incidentId: envelope.data.incidentId };
    const context = { correlationId, causationId: eventId, occurredAt: new Date(occurredAt) };
    const queued = await this.dataSource.transaction(async (tx) => {
      const serviceId = envelope.data.serviceId ?? (await this.incidents.find(tx, key))?.serviceId ?? '';
      const work = ticketWorkOf(envelope, {
        configured: this.connection.configured,
        opensTickets: this.registry.opensTickets(occurredAt),
        mode: this.directory.ticketModeOf(orgId, serviceId),
      });
      let changed = false;
      for (const item of work) changed = (await this.perform(tx, key, item, context)) || changed;
      return changed;
    });
    if (queued) this.dispatcher.poke();
  }

  /** Answers whether a lane may have become due. */
  private async perform(
    tx: EntityManager,
    key: LinkKey,
    item: TicketWork,
    context: FactContext,
  ): Promise<boolean> {
    switch (item.kind) {
      case 'copy':
        await this.incidents.recordTriggered(tx, key, item.facts, item.alert);
        return false;
      case 'acknowledged':
        await this.incidents.recordAcknowledged(tx, key, item.at, item.by);
        return false;
      case 'reserve': {
        const request = { ...key, requestedBy: item.reason, userId: null };
        return (await this.links.reserve(tx, request, context)) !== undefined;
      }
      case 'operation': {
        await this.links.enqueue(tx, { ...key, ...item.operation }, context.occurredAt);
        return true;
      }
    }
  }
}
