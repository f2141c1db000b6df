import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Commands, RpcRequest, EscalationPolicyView, UpdateEscalationPolicyCommand } from '@oncall/contracts';
import { organizationContextOf } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { EscalationPolicyStore } from '../policies/escalation-policy.store';
import { PolicyChangeRecorder } from '../policies/policy-change.recorder';
import {
  actorOf,
  checkExpectedVersion,
  definitionOf,
  expectedVersionOf,
  policyIdOf,
} from '../policies/policy-requests';
import { sameDefinition, toPolicyView } from '../policies/policy-row';
import { lockPolicy, policyWrite } from '../policies/policy-transaction';

/**
 * Replaces a policy's definition. The row is locked, so of two concurrent updates with the same
 * expectedVersion one wins and the other is refused with CONFLICT. A definition equal to the stored one
 * changes nothing and is not refused, whatever its expectedVersion: a retried update succeeds.
 */
@Controller()
export class UpdatePolicyHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EscalationPolicyStore,
    private readonly changes: PolicyChangeRecorder,
  ) {}

  @MessagePattern(Commands.escalation.updatePolicy)
  handle(@Payload() request: RpcRequest<UpdateEscalationPolicyCommand>): Promise<EscalationPolicyView> {
    const context = organizationContextOf(request);
    const policyId = policyIdOf(request.data?.policyId);
    const expectedVersion = expectedVersionOf(request.data?.expectedVersion);
    const actor = actorOf(request.data?.actor);
    const definition = definitionOf(request.data?.definition);
    return policyWrite(this.dataSource, definition.name, async (tx) => {
      const before = await lockPolicy(this.store, tx, context.orgId, policyId);
      if (sameDefinition(before, definition)) return before;
      checkExpectedVersion(before, expectedVersion);
      const after = toPolicyView(await this.store.replace(tx, context.orgId, policyId, definition));
      await this.changes.record(tx, context, actor, { action: 'updated', before, after });
      return after;
    });
  }
}
