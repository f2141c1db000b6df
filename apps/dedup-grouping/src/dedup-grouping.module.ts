import { CorrelationCopies } from './collaborators/correlation-copies';
import { AlertGrouping } from './correlation/alert-grouping';
import { CorrelationRules } from './correlation/correlation-rules';
import { OpenGroupIndex } from './open-groups/open-group-index';
import { AlertHistoryRetention } from './alert-history/alert-history-retention';
import { AlertHistoryHandler } from './alert-history/alert-history.handler';
import { AlertHistoryStore } from './alert-history/alert-history.store';
import { Module } from '@nestjs/common';
import { IncidentCommandsClient } from './collaborators/incident-commands.client';
import { ServiceDirectory } from './collaborators/service-directory';
import { BatchRunner } from './correlation/batch-runner';
import { Correlator } from './correlation/correlator';
import { KeyBatchHandler } from './correlation/key-batch.handler';
import { IncidentResolvedHandler } from './incident-resolved/incident-resolved.handler';
import { OpenAlertIndex } from './open-alerts/open-alert-index';

@Module({
  controllers: [IncidentResolvedHandler, AlertHistoryHandler],
  providers: [
    AlertHistoryStore,
    AlertHistoryRetention,
    CorrelationCopies,
    CorrelationRules,
    OpenGroupIndex,
    AlertGrouping,
    OpenAlertIndex,
    IncidentCommandsClient,
    ServiceDirectory,
    KeyBatchHandler,
    BatchRunner,
    Correlator,
  ],
})
export class DedupGroupingModule {}
