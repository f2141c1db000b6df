import { Module } from '@nestjs/common';
import { OutboxRelayWorker } from '@oncall/platform-runtime';
import { CreatePolicyHandler } from './create-policy/create-policy.handler';
import { DeletePolicyHandler } from './delete-policy/delete-policy.handler';
import { EscalationPolicyStore } from './policies/escalation-policy.store';
import { PolicyChangeRecorder } from './policies/policy-change.recorder';
import { GetPolicyHandler } from './queries/get-policy.handler';
import { ListPoliciesHandler } from './queries/list-policies.handler';
import { PoliciesByScheduleHandler } from './queries/policies-by-schedule.handler';
import { UpdatePolicyHandler } from './update-policy/update-policy.handler';

/** Escalation policies (commands and queries over the bus); the escalation engine is still to come. */
@Module({
  controllers: [
    CreatePolicyHandler,
    UpdatePolicyHandler,
    DeletePolicyHandler,
    GetPolicyHandler,
    ListPoliciesHandler,
    PoliciesByScheduleHandler,
  ],
  providers: [EscalationPolicyStore, PolicyChangeRecorder, OutboxRelayWorker],
})
export class EscalationModule {}
