import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Commands, CreateEscalationPolicyCommand, RpcRequest, EscalationPolicyView } from '@oncall/contracts';
import { organizationContextOf } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { EscalationPolicyStore } from '../policies/escalation-policy.store';
import { PolicyChangeRecorder } from '../policies/policy-change.recorder';
import { actorOf, definitionOf } from '../policies/policy-requests';
import { toPolicyView } from '../policies/policy-row';
import { policyWrite } from '../policies/policy-transaction';

/** Stores a new policy at version 1 and publishes EscalationPolicyCreated. */
@Controller()
export class CreatePolicyHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EscalationPolicyStore,
    private readonly changes: PolicyChangeRecorder,
  ) {}

  @MessagePattern(Commands.escalation.createPolicy)
  handle(@Payload() request: RpcRequest<CreateEscalationPolicyCommand>): Promise<EscalationPolicyView> {
    const context = organizationContextOf(request);
    const actor = actorOf(request.data?.actor);
    const definition = definitionOf(request.data?.definition);
    return policyWrite(this.dataSource, definition.name, async (tx) => {
      const after = toPolicyView(await this.store.insert(tx, context.orgId, definition));
      await this.changes.record(tx, context, actor, { action: 'created', before: null, after });
      return after;
    });
  }
}
