import { Module } from '@nestjs/common';
import { OutboxRelayWorker } from '@oncall/platform-runtime';
import { psaConnectionProvider } from './adapters/psa-connection.provider';
import { PsaConnectionRegistry } from './connection/psa-connection.registry';
import { DirectoryCopies } from './directory/directory-copies';
import { PsaCalls } from './dispatch/psa-calls';
import { TicketDispatcher } from './dispatch/ticket-dispatcher';
import { TicketLaneRunner } from './dispatch/ticket-lane.runner';
import { IncidentCopies } from './incident-events/incident-copies';
import { IncidentEventsHandler } from './incident-events/incident-events.handler';
import { LaneRecords } from './links/lane-records';
import { TicketLanes } from './links/ticket-lanes.store';
import { TicketLinks } from './links/ticket-links.store';
import { RequestTicketHandler } from './request-ticket/request-ticket.handler';
import { PsaSettingsHandlers } from './settings/psa-settings.handlers';
import { PsaSettingsStore } from './settings/psa-settings.store';

/** Incident ↔ PSA ticket: one ticket per incident, notes and resolution after it (ADRs 0160-0166). */
@Module({
  controllers: [IncidentEventsHandler, RequestTicketHandler, PsaSettingsHandlers],
  providers: [
    psaConnectionProvider,
    PsaConnectionRegistry,
    DirectoryCopies,
    IncidentCopies,
    TicketLinks,
    TicketLanes,
    LaneRecords,
    PsaSettingsStore,
    PsaCalls,
    TicketLaneRunner,
    TicketDispatcher,
    OutboxRelayWorker,
  ],
})
export class PsaSyncModule {}
