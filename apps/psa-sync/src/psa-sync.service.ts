import { Streams } from '@oncall/contracts';
import { CreateOutbox1764201600000 } from '@oncall/platform-outbox';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { CreatePsaSync1796600000001 } from './migrations/1796600000001-create-psa-sync';
import { PsaSyncConfig } from './psa-sync.config';
import { PsaSyncModule } from './psa-sync.module';

export const PSA_SYNC_SCHEMA = 'psa_sync';

export function psaSyncService(config: PsaSyncConfig): ServiceDefinition {
  return {
    serviceName: 'psa-sync',
    config,
    schema: PSA_SYNC_SCHEMA,
    migrations: [CreateOutbox1764201600000, CreatePsaSync1796600000001],
    streams: [Streams.incidents, Streams.psa, Streams.state, Streams.deadLetters],
    module: PsaSyncModule,
  };
}
