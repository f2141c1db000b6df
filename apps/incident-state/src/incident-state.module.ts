import { Module } from '@nestjs/common';
import { OutboxRelayWorker } from '@oncall/platform-runtime';
import { EVENT_STORE, eventStoreProvider } from './event-store/event-store.provider';
import { PostgresSnapshotStore } from './execute-command/incident-snapshots';
import { EventStore } from '@oncall/platform-event-store';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { ExecuteIncidentCommandHandler } from './execute-command/execute-incident-command.handler';
import { IncidentCommandExecutor } from './execute-command/incident-command-executor';
import { IncidentStateLoader } from './execute-command/incident-state-loader';
import { IncidentsProjection } from './projections/incidents.projection';
import { ListIncidentsHandler } from './queries/list-incidents.handler';
import { IncidentProjectionWorker } from './workers/incident-projection.worker';
import { SnoozeTimerWorker } from './workers/snooze-timer.worker';
import { GetIncidentHandler } from './queries/get-incident.handler';
import { MergeIncidentsHandler } from './merge/merge-incidents.handler';
import { IncidentDetailReader } from './queries/incident-detail.reader';
import { IncidentListReader } from './queries/incident-list.reader';
import { IncidentPages } from './queries/incident-pages';
import { IncidentPagesHandler } from './queries/incident-pages.handler';
import { RecordActivityHandler } from './record-activity/record-activity.handler';
import { TriggerIncidentsHandler } from './execute-command/trigger-incidents.handler';

@Module({
  controllers: [
    ExecuteIncidentCommandHandler,
    TriggerIncidentsHandler,
    MergeIncidentsHandler,
    ListIncidentsHandler,
    GetIncidentHandler,
    IncidentPagesHandler,
    RecordActivityHandler,
  ],
  providers: [
    eventStoreProvider,
    IncidentCommandExecutor,
    PostgresSnapshotStore,
    {
      provide: IncidentStateLoader,
      inject: [EVENT_STORE, PostgresSnapshotStore, LOGGER],
      useFactory: (store: EventStore, snapshots: PostgresSnapshotStore, logger: Logger) =>
        new IncidentStateLoader(store, snapshots, logger),
    },
    IncidentsProjection,
    IncidentPages,
    IncidentDetailReader,
    IncidentListReader,
    IncidentProjectionWorker,
    SnoozeTimerWorker,
    OutboxRelayWorker,
  ],
})
export class IncidentStateModule {}
