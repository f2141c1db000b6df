import { Module } from '@nestjs/common';
import { AlertReceivedHandler } from './alert-received/alert-received.handler';
import { IncidentCommandsClient } from './collaborators/incident-commands.client';
import { ServiceRoutingCache } from './collaborators/service-routing.cache';
import { IncidentResolvedHandler } from './incident-resolved/incident-resolved.handler';
import { OpenAlertIndex } from './open-alerts/open-alert-index';

@Module({
  controllers: [AlertReceivedHandler, IncidentResolvedHandler],
  providers: [OpenAlertIndex, IncidentCommandsClient, ServiceRoutingCache],
})
export class DedupGroupingModule {}
