import { Module } from '@nestjs/common';
import { OutboxRelayWorker } from '@oncall/platform-runtime';
import { AdminSpaModule } from './admin-spa/admin-spa.module';
import { AuthModule } from './auth/auth.module';
import { BillingController } from './billing/billing.controller';
import { DeadLetterReader } from './dead-letters/dead-letter.reader';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { DirectoryModule } from './directory/directory.module';
import { SharedDirectoryModule } from './directory/shared/shared-directory.module';
import { EscalationPoliciesModule } from './escalation-policies/escalation-policies.module';
import { IncidentsModule } from './incidents/incidents.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PsaModule } from './psa/psa.module';
import { ReportsModule } from './reports/reports.module';
import { SchedulesModule } from './schedules/schedules.module';

@Module({
  imports: [
    IncidentsModule,
    SharedDirectoryModule,
    AuthModule,
    DirectoryModule,
    EscalationPoliciesModule,
    SchedulesModule,
    NotificationsModule,
    PsaModule,
    ReportsModule,
    AdminSpaModule,
  ],
  controllers: [BillingController, DeadLettersController],
  providers: [OutboxRelayWorker, DeadLetterReader],
})
export class AdminApiModule {}
