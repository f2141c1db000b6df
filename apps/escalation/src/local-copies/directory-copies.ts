import { Inject, Injectable } from '@nestjs/common';
import { activeManagersOf, ClientState, ServiceState, TeamState, UserState } from '@oncall/contracts';
import { inOrganization, LocalStateCopies, MessageBus } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';

/**
 * The directory as admin-api last published it (ADR 0120): people, teams, services and clients, read
 * from memory while paging, so admin-api being down never holds a page back.
 */
@Injectable()
export class DirectoryCopies extends LocalStateCopies {
  readonly users = this.directoryCopy<UserState>('user');
  readonly teams = this.directoryCopy<TeamState>('team');
  readonly services = this.directoryCopy<ServiceState>('service');
  readonly clients = this.directoryCopy<ClientState>('client');

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    super(bus, logger);
  }

  user(orgId: string, userId: string): UserState | undefined {
    return inOrganization(orgId, this.users.get(userId));
  }

  team(orgId: string, teamId: string): TeamState | undefined {
    return inOrganization(orgId, this.teams.get(teamId));
  }

  service(orgId: string, serviceId: string): ServiceState | undefined {
    return inOrganization(orgId, this.services.get(serviceId));
  }

  client(orgId: string, clientId: string): ClientState | undefined {
    return inOrganization(orgId, this.clients.get(clientId));
  }

  /** The organization's active managers, who hear of unanswered incidents. */
  managers(orgId: string): UserState[] {
    return activeManagersOf(this.users.views(), orgId);
  }
}
