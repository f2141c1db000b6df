import { Inject, Injectable } from '@nestjs/common';
import { ClientState, DEFAULT_TICKET_MODE, ServiceState, TicketMode, UserState } from '@oncall/contracts';
import { inOrganization, LocalStateCopies, MessageBus } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';

/**
 * Services, clients and people as the directory last published them (local copies, ADR 0120): deciding
 * whether an incident gets a ticket, naming its company and describing it never wait on admin-api.
 */
@Injectable()
export class DirectoryCopies extends LocalStateCopies {
  private readonly services = this.directoryCopy<ServiceState>('service');
  private readonly clients = this.directoryCopy<ClientState>('client');
  private readonly users = this.directoryCopy<UserState>('user');

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    super(bus, logger);
  }

  service(orgId: string, serviceId: string): ServiceState | undefined {
    return inOrganization(orgId, this.services.get(serviceId));
  }

  /** A service the copy does not know (deleted, or not published yet) gets the default. */
  ticketModeOf(orgId: string, serviceId: string): TicketMode {
    return this.service(orgId, serviceId)?.ticketMode ?? DEFAULT_TICKET_MODE;
  }

  clientOf(orgId: string, serviceId: string): ClientState | undefined {
    const clientId = this.service(orgId, serviceId)?.clientId;
    return clientId ? inOrganization(orgId, this.clients.get(clientId)) : undefined;
  }

  userName(orgId: string, userId: string | null | undefined): string | null {
    return userId ? (inOrganization(orgId, this.users.get(userId))?.name ?? null) : null;
  }
}
