import { Inject, Injectable } from '@nestjs/common';
import {
  ESCALATION_POLICY_RESOURCE,
  EscalationActor,
  EscalationPolicyView,
  MessageContext,
} from '@oncall/contracts';
import { Clock, CLOCK } from '@oncall/platform-clock';
import { enqueueConfigurationChange, personActor } from '@oncall/platform-outbox';
import { EntityManager } from 'typeorm';

export type PolicyAction = 'created' | 'updated' | 'deleted';

/**
 * Publishes a policy change as ConfigurationChanged through the outbox, in the transaction of the change:
 * the event exists if and only if the change committed (ordered per policy). admin-api audits it.
 */
@Injectable()
export class PolicyChangeRecorder {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  async record(
    tx: EntityManager,
    context: MessageContext,
    actor: EscalationActor,
    change: { action: PolicyAction; before: EscalationPolicyView | null; after: EscalationPolicyView | null },
  ): Promise<void> {
    const view = change.after ?? change.before;
    if (!view) throw new Error('A policy change needs the policy before or after it');
    await enqueueConfigurationChange(
      tx,
      'escalation',
      context,
      {
        resourceType: ESCALATION_POLICY_RESOURCE,
        resourceId: view.id,
        action: change.action,
        actor: personActor(actor),
        before: change.before,
        after: change.after,
      },
      this.clock.now().toISOString(),
    );
  }
}
