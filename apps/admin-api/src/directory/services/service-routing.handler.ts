import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  defaultUrgencyOf,
  Queries,
  RpcRequest,
  ServiceRouting,
  ServiceRoutingQuery,
} from '@oncall/contracts';
import { organizationContextOf, RpcError } from '@oncall/platform-messaging';
import { ServiceRoutingReader } from './service-routing.reader';

/**
 * Answers dedup-grouping: the escalation policy and urgency rule for new incidents of a service, within the
 * organization of the request's context (a request without one is refused, never answered for any org).
 */
@Controller()
export class ServiceRoutingHandler {
  constructor(private readonly routing: ServiceRoutingReader) {}

  @MessagePattern(Queries.directory.serviceRouting)
  async handle(@Payload() request: RpcRequest<ServiceRoutingQuery>): Promise<ServiceRouting> {
    const { orgId } = organizationContextOf(request);
    const row = await this.routing.routingOf(orgId, request.data.serviceId);
    if (!row)
      throw new RpcError(
        'NOT_FOUND',
        `Service ${request.data.serviceId} does not exist in this organization.`,
      );
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
