import { Module } from '@nestjs/common';
import { EscalationPoliciesController } from './escalation-policies.controller';
import { EscalationPoliciesService } from './escalation-policies.service';
import { PolicyTargetsCheck } from './policy-targets.check';
import { ScheduleExistenceCheck } from './schedule-existence.check';

@Module({
  controllers: [EscalationPoliciesController],
  providers: [EscalationPoliciesService, PolicyTargetsCheck, ScheduleExistenceCheck],
})
export class EscalationPoliciesModule {}
