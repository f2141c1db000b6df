import { Injectable } from '@nestjs/common';
import { MessageContext, Queries } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';

export interface AffectedServices {
  services: { serviceId: string; name: string }[];
  known: boolean;
}

/**
 * Which services go dark with a schedule: the policies that target it (escalation owns them), then the
 * services using those policies (the directory owns them). Either being unreachable yields `known: false`
 * rather than holding back the warning.
 */
@Injectable()
export class AffectedServicesLookup {
  constructor(private readonly bus: MessageBus) {}

  async of(scheduleId: string, context: MessageContext): Promise<AffectedServices> {
    try {
      const policies = await this.bus.rpc.request<Record<string, { policyId: string }[]>>(
        Queries.escalation.policiesBySchedule,
        { scheduleIds: [scheduleId] },
        context,
        2_000,
      );
      const policyIds = (policies[scheduleId] ?? []).map((policy) => policy.policyId);
      if (policyIds.length === 0) return { services: [], known: true };
      const services = await this.bus.rpc.request<Record<string, { serviceId: string; name: string }[]>>(
        Queries.directory.servicesByPolicies,
        { policyIds },
        context,
        2_000,
      );
      const unique = new Map(Object.values(services).flat().map((service) => [service.serviceId, service]));
      return { services: [...unique.values()], known: true };
    } catch {
      return { services: [], known: false };
    }
  }
}
