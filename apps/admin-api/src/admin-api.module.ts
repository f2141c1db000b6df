import { Module } from '@nestjs/common';
import { OutboxRelayWorker } from '@oncall/platform-runtime';
import { AuthModule } from './auth/auth.module';
import { BillingController } from './billing/billing.controller';
import { IntegrationForOrgHandler } from './defend/integration-for-org.handler';
import { DirectoryModule } from './directory/directory.module';
import { SharedDirectoryModule } from './directory/shared/shared-directory.module';
import { IncidentsController } from './incidents/incidents.controller';

@Module({
  imports: [SharedDirectoryModule, AuthModule, DirectoryModule],
  controllers: [IncidentsController, BillingController, IntegrationForOrgHandler],
  providers: [OutboxRelayWorker],
})
export class AdminApiModule {}
