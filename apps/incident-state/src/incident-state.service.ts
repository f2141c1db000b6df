import { Streams } from '@oncall/contracts';
import { CreateEventStore1764201600001 } from '@oncall/platform-event-store';
import { OUTBOX_MIGRATIONS } from '@oncall/platform-outbox';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { IncidentStateConfig } from './incident-state.config';
import { IncidentStateModule } from './incident-state.module';
import { CreateIncidentReadModels1764201900000 } from './migrations/1764201900000-create-incident-read-models';
import { CreateIncidentTimers1764202100000 } from './migrations/1764202100000-create-incident-timers';
import { CreateIncidentSnapshots1796300000000 } from './migrations/1796300000000-create-incident-snapshots';
import { AddUnanswered1796500000000 } from './migrations/1796500000000-add-unanswered';
import { CreateIncidentAlerts1796600000000 } from './migrations/1796600000000-create-incident-alerts';
import { AddIncidentAlertContext1797100000000 } from './migrations/1797100000000-add-incident-alert-context';

export const INCIDENT_STATE_SCHEMA = 'incident_state';
export const INCIDENT_STATE_MIGRATIONS = [
  ...OUTBOX_MIGRATIONS,
  CreateEventStore1764201600001,
  CreateIncidentReadModels1764201900000,
  CreateIncidentTimers1764202100000,
  CreateIncidentSnapshots1796300000000,
  AddUnanswered1796500000000,
  CreateIncidentAlerts1796600000000,
  AddIncidentAlertContext1797100000000,
];

export function incidentStateService(config: IncidentStateConfig): ServiceDefinition {
  return {
    serviceName: 'incident-state',
    config,
    schema: INCIDENT_STATE_SCHEMA,
    migrations: INCIDENT_STATE_MIGRATIONS,
    streams: [Streams.incidents, Streams.escalation, Streams.notification, Streams.psa],
    module: IncidentStateModule,
  };
}
