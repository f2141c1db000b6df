import { Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { IntegrationByKeyHandler } from './directory/integration-by-key.handler';
import { ServiceRoutingHandler } from './directory/service-routing.handler';
import { IncidentsController } from './incidents/incidents.controller';

@Module({
  imports: [AuthModule],
  controllers: [IntegrationByKeyHandler, ServiceRoutingHandler, IncidentsController],
})
export class AdminApiModule {}
