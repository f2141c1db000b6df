import { Streams } from '@oncall/contracts';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { PsaSyncConfig } from './psa-sync.config';
import { PsaSyncModule } from './psa-sync.module';

export function psaSyncService(config: PsaSyncConfig): ServiceDefinition {
  return {
    serviceName: 'psa-sync',
    config,
    schema: 'psa_sync',
    migrations: [],
    streams: [Streams.incidents],
    module: PsaSyncModule,
  };
}
