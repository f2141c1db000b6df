import { Inject, Injectable } from '@nestjs/common';
import { DIRECTORY_STATE_CONTEXT, defaultUrgencyOf, ServiceState } from '@oncall/contracts';
import { GroupingRule } from '@oncall/dedup-domain';
import { LocalStateCopies, MessageBus, StateReplica } from '@oncall/platform-messaging';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';

export interface ServiceRoute {
  escalationPolicyId: string | null;
  urgency: 'high' | 'low';
  /** How the service groups alerts (ADR 0175); null: it does not. */
  grouping: GroupingRule | null;
}

/**
 * Services as the directory last published them (a local copy, ADR 0120): opening an incident never waits
 * on admin-api.
 */
@Injectable()
export class ServiceDirectory extends LocalStateCopies {
  private readonly services: StateReplica<ServiceState>;

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    super(bus, logger);
    this.services = this.copy({ context: DIRECTORY_STATE_CONTEXT, resourceType: 'service' });
  }

  /** The route of a service of `orgId`; undefined while the copy does not know it (yet). */
  routeOf(orgId: string, serviceId: string): ServiceRoute | undefined {
    const service = this.services.get(serviceId);
    if (!service || service.orgId !== orgId) return undefined;
    return {
      escalationPolicyId: service.escalationPolicyId,
      urgency: defaultUrgencyOf(service.urgencyRule),
      grouping: service.grouping ?? null,
    };
  }
}
