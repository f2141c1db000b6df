import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EscalationPolicyView, GetEscalationPolicyQuery, Queries, RpcRequest } from '@oncall/contracts';
import { organizationContextOf } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { EscalationPolicyStore } from '../policies/escalation-policy.store';
import { policyIdOf, policyNotFound } from '../policies/policy-requests';
import { toPolicyView } from '../policies/policy-row';

/** One policy of the caller's organization; another organization's is NOT_FOUND, like a missing one. */
@Controller()
export class GetPolicyHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EscalationPolicyStore,
  ) {}

  @MessagePattern(Queries.escalation.getPolicy)
  async handle(@Payload() request: RpcRequest<GetEscalationPolicyQuery>): Promise<EscalationPolicyView> {
    const { orgId } = organizationContextOf(request);
    const policyId = policyIdOf(request.data?.policyId);
    const row = await this.store.find(this.dataSource.manager, orgId, policyId);
    if (!row) throw policyNotFound(policyId);
    return toPolicyView(row);
  }
}
