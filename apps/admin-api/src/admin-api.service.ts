import { Streams } from '@oncall/contracts';
import { OUTBOX_MIGRATIONS } from '@oncall/platform-outbox';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { setUpOpenApi } from './open-api';
import { AdminApiConfig } from './admin-api.config';
import { AdminApiModule } from './admin-api.module';
import { CreateLiveTickets1795802400000 } from './auth/migrations/1795802400000-create-live-tickets';
import { CreateDirectory1764201700000 } from './directory/migrations/1764201700000-create-directory';
import { AddServiceTicketMode1796600000000 } from './directory/migrations/1796600000000-add-service-ticket-mode';
import { AddCorrelationSettings1797100000000 } from './directory/migrations/1797100000000-add-correlation-settings';
import { AddServiceTimeouts1797500000000 } from './directory/migrations/1797500000000-add-service-timeouts';

export const ADMIN_API = 'admin-api';
export const ADMIN_API_SCHEMA = 'admin_api';
export const ADMIN_API_MIGRATIONS = [
  ...OUTBOX_MIGRATIONS,
  CreateDirectory1764201700000,
  CreateLiveTickets1795802400000,
  AddServiceTicketMode1796600000000,
  AddCorrelationSettings1797100000000,
  AddServiceTimeouts1797500000000,
];

export function adminApiService(config: AdminApiConfig): ServiceDefinition {
  return {
    serviceName: ADMIN_API,
    config,
    schema: ADMIN_API_SCHEMA,
    migrations: ADMIN_API_MIGRATIONS,
    streams: [Streams.incidents, Streams.directory, Streams.scheduling, Streams.escalation, Streams.psa],
    module: AdminApiModule,
    configureHttp: (app) => {
      // The API's whole surface, generated: handy in development, a map for attackers in production.
      if (config.NODE_ENV !== 'production') setUpOpenApi(app);
    },
  };
}
