import { Streams } from '@oncall/contracts';
import { CreateOutbox1764201600000 } from '@oncall/platform-outbox';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { setUpOpenApi } from './open-api';
import { AdminApiConfig } from './admin-api.config';
import { AdminApiModule } from './admin-api.module';
import { CreateDirectory1764201700000 } from './directory/migrations/1764201700000-create-directory';

export const ADMIN_API = 'admin-api';
export const ADMIN_API_SCHEMA = 'admin_api';
export const ADMIN_API_MIGRATIONS = [CreateOutbox1764201600000, CreateDirectory1764201700000];

export function adminApiService(config: AdminApiConfig): ServiceDefinition {
  return {
    serviceName: ADMIN_API,
    config,
    schema: ADMIN_API_SCHEMA,
    migrations: ADMIN_API_MIGRATIONS,
    streams: [Streams.incidents, Streams.directory, Streams.scheduling, Streams.escalation],
    module: AdminApiModule,
    configureHttp: setUpOpenApi,
  };
}
