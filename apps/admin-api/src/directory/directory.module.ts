import { Module } from '@nestjs/common';
import { ClientsController } from './clients/clients.controller';
import { ClientsDirectory } from './clients/clients.directory';
import { IntegrationByKeyHandler } from './integrations/integration-by-key.handler';
import { ServiceRoutingHandler } from './services/service-routing.handler';
import { SharedDirectoryModule } from './shared/shared-directory.module';

@Module({
  imports: [SharedDirectoryModule],
  controllers: [ClientsController, IntegrationByKeyHandler, ServiceRoutingHandler],
  providers: [ClientsDirectory],
})
export class DirectoryModule {}
