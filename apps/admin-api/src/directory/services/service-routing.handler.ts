import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { defaultUrgencyOf, Queries, ServiceRouting, ServiceRoutingQuery } from '@oncall/contracts';
import { OrgRequest, RpcError } from '@oncall/platform-messaging';
import { ServiceRoutingReader } from './service-routing.reader';

/**
 * Answers dedup-grouping: the escalation policy and urgency rule for new incidents of a service, within the
 * organization of the request's context (a request without one is refused, never answered for any org).
 */
@Controller()
export class ServiceRoutingHandler {
  constructor(private readonly routing: ServiceRoutingReader) {}

  @MessagePattern(Queries.directory.serviceRouting)
  async handle(@OrgRequest() { orgId, data }: OrgRequest<ServiceRoutingQuery>): Promise<ServiceRouting> {
    const row = await this.routing.routingOf(orgId, data.serviceId);
    if (!row)
      throw new RpcError('NOT_FOUND', `Service ${data.serviceId} does not exist in this organization.`);
    return {
      orgId: row.org_id,
      serviceId: row.id,
      name: row.name,
      escalationPolicyId: row.escalation_policy_id,
      urgency: defaultUrgencyOf(row.urgency_rule),
      urgencyRule: row.urgency_rule,
    };
  }
}
