import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  ClientState,
  DEFAULT_TICKET_MODE,
  DIRECTORY_STATE_CONTEXT,
  ServiceState,
  TicketMode,
  UserState,
} from '@oncall/contracts';
import { MessageBus, StateReplica } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';

/**
 * Services, clients and people as the directory last published them (local copies, ADR 0120): deciding
 * whether an incident gets a ticket, naming its company and describing it never wait on admin-api.
 */
@Injectable()
export class DirectoryCopies implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly services: StateReplica<ServiceState>;
  private readonly clients: StateReplica<ClientState>;
  private readonly users: StateReplica<UserState>;
  private starting?: Promise<void>;

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    const copy = <T>(resourceType: string) =>
      new StateReplica<T>(bus, { context: DIRECTORY_STATE_CONTEXT, resourceType }, logger);
    this.services = copy('service');
    this.clients = copy('client');
    this.users = copy('user');
  }

  onApplicationBootstrap(): Promise<void> {
    return this.ready();
  }

  /** Resolves once every copy holds what the state stream held at start (handlers may run before bootstrap). */
  ready(): Promise<void> {
    this.starting ??= Promise.all([this.services.start(), this.clients.start(), this.users.start()]).then(
      () => undefined,
    );
    return this.starting;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.services.stop(), this.clients.stop(), this.users.stop()]);
  }

  service(orgId: string, serviceId: string): ServiceState | undefined {
    return sameOrg(orgId, this.services.get(serviceId));
  }

  /** A service the copy does not know (deleted, or not published yet) gets the default. */
  ticketModeOf(orgId: string, serviceId: string): TicketMode {
    return this.service(orgId, serviceId)?.ticketMode ?? DEFAULT_TICKET_MODE;
  }

  clientOf(orgId: string, serviceId: string): ClientState | undefined {
    const clientId = this.service(orgId, serviceId)?.clientId;
    return clientId ? sameOrg(orgId, this.clients.get(clientId)) : undefined;
  }

  userName(orgId: string, userId: string | null | undefined): string | null {
    return userId ? (sameOrg(orgId, this.users.get(userId))?.name ?? null) : null;
  }
}

function sameOrg<T extends { orgId: string }>(orgId: string, view: T | undefined): T | undefined {
  return view && view.orgId === orgId ? view : undefined;
}
