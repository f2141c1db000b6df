import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { IncidentActionsController } from './incident-actions.controller';
import { IncidentCommands } from './incident-commands';
import { IncidentLiveFeed } from './incident-live-feed';
import { IncidentsController } from './incidents.controller';
import { LiveIncidentsController } from './live-incidents.controller';

@Module({
  imports: [AuthModule],
  controllers: [LiveIncidentsController, IncidentsController, IncidentActionsController],
  providers: [IncidentCommands, IncidentLiveFeed],
})
export class IncidentsModule {}
