import { Module } from '@nestjs/common';
import { OutboxRelayWorker } from '@oncall/platform-runtime';
import { AuthModule } from './auth/auth.module';
import { BillingController } from './billing/billing.controller';
import { IntegrationForOrgHandler } from './defend/integration-for-org.handler';
import { DirectoryModule } from './directory/directory.module';
import { SharedDirectoryModule } from './directory/shared/shared-directory.module';
import { EscalationPoliciesModule } from './escalation-policies/escalation-policies.module';
import { IncidentsModule } from './incidents/incidents.module';
import { PsaModule } from './psa/psa.module';
import { SchedulesModule } from './schedules/schedules.module';

@Module({
  imports: [
    IncidentsModule,
    SharedDirectoryModule,
    AuthModule,
    DirectoryModule,
    EscalationPoliciesModule,
    SchedulesModule,
    PsaModule,
  ],
  controllers: [BillingController, IntegrationForOrgHandler],
  providers: [OutboxRelayWorker],
})
export class AdminApiModule {}
