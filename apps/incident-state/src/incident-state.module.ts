import { Module } from '@nestjs/common';
import { OutboxRelayWorker } from '@oncall/platform-runtime';
import { eventStoreProvider } from './event-store/event-store.provider';
import { ExecuteIncidentCommandHandler } from './execute-command/execute-incident-command.handler';
import { IncidentCommandExecutor } from './execute-command/incident-command-executor';
import { IncidentsProjection } from './projections/incidents.projection';
import { ListIncidentsHandler } from './queries/list-incidents.handler';
import { IncidentProjectionWorker } from './workers/incident-projection.worker';

@Module({
  controllers: [ExecuteIncidentCommandHandler, ListIncidentsHandler],
  providers: [
    eventStoreProvider,
    IncidentCommandExecutor,
    IncidentsProjection,
    IncidentProjectionWorker,
    OutboxRelayWorker,
  ],
})
export class IncidentStateModule {}
