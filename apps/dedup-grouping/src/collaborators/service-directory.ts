import { Inject, Injectable } from '@nestjs/common';
import { defaultUrgencyOf, ServiceState } from '@oncall/contracts';
import { GroupingRule } from '@oncall/dedup-domain';
import { inOrganization, LocalStateCopies, MessageBus } from '@oncall/platform-messaging';
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
  private readonly services = this.directoryCopy<ServiceState>('service');

  constructor(bus: MessageBus, @Inject(LOGGER) logger: Logger) {
    super(bus, logger);
  }

  /** The route of a service of `orgId`; undefined while the copy does not know it (yet). */
  routeOf(orgId: string, serviceId: string): ServiceRoute | undefined {
    const service = inOrganization(orgId, this.services.get(serviceId));
    if (!service) return undefined;
    return {
      escalationPolicyId: service.escalationPolicyId,
      urgency: defaultUrgencyOf(service.urgencyRule),
      grouping: service.grouping ?? null,
    };
  }
}
