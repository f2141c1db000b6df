import { Streams } from '@oncall/contracts';
import { OUTBOX_MIGRATIONS } from '@oncall/platform-outbox';
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
    migrations: [...OUTBOX_MIGRATIONS, CreatePsaSync1796600000001],
    streams: [Streams.incidents, Streams.psa, Streams.state, Streams.deadLetters],
    module: PsaSyncModule,
  };
}
