import { Inject, Injectable } from '@nestjs/common';
import {
  activeManagersOf,
  ClientState,
  DIRECTORY_STATE_CONTEXT,
  ServiceState,
  TeamState,
  UserState,
} from '@oncall/contracts';
import { LocalStateCopies, MessageBus, StateReplica } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';

/**
 * The directory as admin-api last published it (ADR 0120): people, teams, services and clients, read
 * from memory while paging, so admin-api being down never holds a page back.
 */
@Injectable()
export class DirectoryCopies extends LocalStateCopies {
  readonly users: StateReplica<UserState>;
  readonly teams: StateReplica<TeamState>;
  readonly services: StateReplica<ServiceState>;
  readonly clients: StateReplica<ClientState>;

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    super(bus, logger);
    this.users = this.copy({ context: DIRECTORY_STATE_CONTEXT, resourceType: 'user' });
    this.teams = this.copy({ context: DIRECTORY_STATE_CONTEXT, resourceType: 'team' });
    this.services = this.copy({ context: DIRECTORY_STATE_CONTEXT, resourceType: 'service' });
    this.clients = this.copy({ context: DIRECTORY_STATE_CONTEXT, resourceType: 'client' });
  }

  user(orgId: string, userId: string): UserState | undefined {
    return ofOrg(orgId, this.users.get(userId));
  }

  team(orgId: string, teamId: string): TeamState | undefined {
    return ofOrg(orgId, this.teams.get(teamId));
  }

  service(orgId: string, serviceId: string): ServiceState | undefined {
    return ofOrg(orgId, this.services.get(serviceId));
  }

  client(orgId: string, clientId: string): ClientState | undefined {
    return ofOrg(orgId, this.clients.get(clientId));
  }

  /** The organization's active managers, who hear of unanswered incidents. */
  managers(orgId: string): UserState[] {
    return activeManagersOf(this.users.views(), orgId);
  }
}

function ofOrg<T extends { orgId: string }>(orgId: string, view: T | undefined): T | undefined {
  return view && view.orgId === orgId ? view : undefined;
}
