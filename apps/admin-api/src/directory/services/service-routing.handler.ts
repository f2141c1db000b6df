import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  defaultUrgencyOf,
  Queries,
  RpcRequest,
  ServiceRouting,
  ServiceRoutingQuery,
  UrgencyRule,
} from '@oncall/contracts';
import { organizationContextOf, RpcError } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { isUuid } from '../shared/uuid';

interface RoutingRow {
  id: string;
  org_id: string;
  name: string;
  escalation_policy_id: string | null;
  urgency_rule: UrgencyRule;
}

/**
 * Answers dedup-grouping: the escalation policy and urgency rule for new incidents of a service, within the
 * organization of the request's context (a request without one is refused, never answered for any org).
 */
@Controller()
export class ServiceRoutingHandler {
  constructor(private readonly dataSource: DataSource) {}

  @MessagePattern(Queries.directory.serviceRouting)
  async handle(@Payload() request: RpcRequest<ServiceRoutingQuery>): Promise<ServiceRouting> {
    const { orgId } = organizationContextOf(request);
    const rows: RoutingRow[] = !isUuid(request.data.serviceId)
      ? []
      : await this.dataSource.query(
          'SELECT id, org_id, name, escalation_policy_id, urgency_rule FROM services WHERE id = $1 AND org_id = $2',
          [request.data.serviceId, orgId],
        );
    const row = rows[0];
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
