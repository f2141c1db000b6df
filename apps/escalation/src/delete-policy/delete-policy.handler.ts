import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Commands, DeleteEscalationPolicyCommand, RpcRequest, EscalationPolicyView } from '@oncall/contracts';
import { organizationContextOf } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { EscalationPolicyStore } from '../policies/escalation-policy.store';
import { PolicyChangeRecorder } from '../policies/policy-change.recorder';
import { actorOf, checkExpectedVersion, expectedVersionOf, policyIdOf } from '../policies/policy-requests';
import { lockPolicy } from '../policies/policy-transaction';

/**
 * Deletes a policy and answers it as it was. Whether a service still uses it is admin-api's check (it owns
 * the services); deleting a missing policy is NOT_FOUND, a stale expectedVersion CONFLICT.
 */
@Controller()
export class DeletePolicyHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EscalationPolicyStore,
    private readonly changes: PolicyChangeRecorder,
  ) {}

  @MessagePattern(Commands.escalation.deletePolicy)
  handle(@Payload() request: RpcRequest<DeleteEscalationPolicyCommand>): Promise<EscalationPolicyView> {
    const context = organizationContextOf(request);
    const policyId = policyIdOf(request.data?.policyId);
    const expectedVersion = expectedVersionOf(request.data?.expectedVersion);
    const actor = actorOf(request.data?.actor);
    return this.dataSource.transaction(async (tx) => {
      const before = await lockPolicy(this.store, tx, context.orgId, policyId);
      checkExpectedVersion(before, expectedVersion);
      await this.store.remove(tx, context.orgId, policyId);
      await this.changes.record(tx, context, actor, { action: 'deleted', before, after: null });
      return before;
    });
  }
}
