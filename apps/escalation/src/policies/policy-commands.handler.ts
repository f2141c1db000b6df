import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import {
  Commands,
  CreateEscalationPolicyCommand,
  DeleteEscalationPolicyCommand,
  EscalationPolicyView,
  UpdateEscalationPolicyCommand,
} from '@oncall/contracts';
import { OrgRequest } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';
import { EscalationPolicyStore } from './escalation-policy.store';
import { PolicyChangeRecorder } from './policy-change.recorder';
import { actorOf, checkExpectedVersion, definitionOf, existingPolicyChangeOf } from './policy-requests';
import { sameDefinition, toPolicyView } from './policy-row';
import { lockPolicy, policyWrite } from './policy-transaction';

/** Policy commands: each writes the policy and records the change (published as a fact) in one transaction. */
@Controller()
export class PolicyCommandsHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: EscalationPolicyStore,
    private readonly changes: PolicyChangeRecorder,
  ) {}

  /** Stores a new policy at version 1 and publishes EscalationPolicyCreated. */
  @MessagePattern(Commands.escalation.createPolicy)
  create(
    @OrgRequest() { context, data }: OrgRequest<CreateEscalationPolicyCommand>,
  ): Promise<EscalationPolicyView> {
    const actor = actorOf(data?.actor);
    const definition = definitionOf(data?.definition);
    return policyWrite(this.dataSource, definition.name, async (tx) => {
      const after = toPolicyView(await this.store.insert(tx, context.orgId, definition));
      await this.changes.record(tx, context, actor, { action: 'created', before: null, after });
      return after;
    });
  }

  /**
   * Replaces a policy's definition. The row is locked, so of two concurrent updates with the same
   * expectedVersion one wins and the other is refused with CONFLICT. A definition equal to the stored one
   * changes nothing and is not refused, whatever its expectedVersion: a retried update succeeds.
   */
  @MessagePattern(Commands.escalation.updatePolicy)
  update(
    @OrgRequest() { context, data }: OrgRequest<UpdateEscalationPolicyCommand>,
  ): Promise<EscalationPolicyView> {
    const { policyId, expectedVersion, actor } = existingPolicyChangeOf(data);
    const definition = definitionOf(data?.definition);
    return policyWrite(this.dataSource, definition.name, async (tx) => {
      const before = await lockPolicy(this.store, tx, context.orgId, policyId);
      if (sameDefinition(before, definition)) return before;
      checkExpectedVersion(before, expectedVersion);
      const after = toPolicyView(await this.store.replace(tx, context.orgId, policyId, definition));
      await this.changes.record(tx, context, actor, { action: 'updated', before, after });
      return after;
    });
  }

  /**
   * Deletes a policy and answers it as it was. Whether a service still uses it is admin-api's check (it owns
   * the services); deleting a missing policy is NOT_FOUND, a stale expectedVersion CONFLICT.
   */
  @MessagePattern(Commands.escalation.deletePolicy)
  delete(
    @OrgRequest() { context, data }: OrgRequest<DeleteEscalationPolicyCommand>,
  ): Promise<EscalationPolicyView> {
    const { policyId, expectedVersion, actor } = existingPolicyChangeOf(data);
    return this.dataSource.transaction(async (tx) => {
      const before = await lockPolicy(this.store, tx, context.orgId, policyId);
      checkExpectedVersion(before, expectedVersion);
      await this.store.remove(tx, context.orgId, policyId);
      await this.changes.record(tx, context, actor, { action: 'deleted', before, after: null });
      return before;
    });
  }
}
