import { Module } from '@nestjs/common';
import { AlertHistoryController } from '../alert-history/alert-history.controller';
import { AuthModule } from '../auth/auth.module';
import { IncidentActionsController } from './incident-actions.controller';
import { IncidentCommands } from './incident-commands';
import { IncidentLiveFeed } from './incident-live-feed';
import { IncidentScopes } from './incident-scopes';
import { IncidentsController } from './incidents.controller';
import { LiveIncidentsController } from './live-incidents.controller';
import { LiveStreamSlots } from './live-stream-slots';

@Module({
  imports: [AuthModule],
  controllers: [
    LiveIncidentsController,
    IncidentsController,
    IncidentActionsController,
    AlertHistoryController,
  ],
  providers: [IncidentCommands, IncidentLiveFeed, IncidentScopes, LiveStreamSlots],
})
export class IncidentsModule {}
