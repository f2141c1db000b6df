import { Module } from '@nestjs/common';
import { AuditLogController } from './audit/audit-log.controller';
import { AuditLogReader } from './audit/audit-log.reader';
import { AuditLogWriter } from './audit/audit-log.writer';
import { ConfigurationAuditConsumer } from './audit/configuration-audit.consumer';
import { CorrelationSettingsController } from './correlation/correlation-settings.controller';
import { RoutingTester } from './correlation/routing-tester';
import { MaintenanceWindowsDirectory } from './correlation/maintenance-windows.directory';
import { RoutingRulesDirectory } from './correlation/routing-rules.directory';
import { ClientsController } from './clients/clients.controller';
import { ClientsDirectory } from './clients/clients.directory';
import { IntegrationsController } from './integrations/integrations.controller';
import { IntegrationsDirectory } from './integrations/integrations.directory';
import { ServiceRoutingHandler } from './services/service-routing.handler';
import { ServiceRoutingReader } from './services/service-routing.reader';
import { ServicesController } from './services/services.controller';
import { ServicesDirectory } from './services/services.directory';
import { SharedDirectoryModule } from './shared/shared-directory.module';
import { TeamsController } from './teams/teams.controller';
import { TeamsDirectory } from './teams/teams.directory';
import { MeController } from './users/me.controller';
import { UsersController } from './users/users.controller';
import { UsersDirectory } from './users/users.directory';

@Module({
  imports: [SharedDirectoryModule],
  controllers: [
    UsersController,
    MeController,
    TeamsController,
    ClientsController,
    ServicesController,
    IntegrationsController,
    AuditLogController,
    ConfigurationAuditConsumer,
    ServiceRoutingHandler,
    CorrelationSettingsController,
  ],
  providers: [
    UsersDirectory,
    TeamsDirectory,
    ClientsDirectory,
    ServicesDirectory,
    IntegrationsDirectory,
    AuditLogReader,
    AuditLogWriter,
    RoutingRulesDirectory,
    MaintenanceWindowsDirectory,
    RoutingTester,
    ServiceRoutingReader,
  ],
})
export class DirectoryModule {}
