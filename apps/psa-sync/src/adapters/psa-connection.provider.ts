import { Provider } from '@nestjs/common';
import { PsaSyncConfig } from '../psa-sync.config';
import { OncallPsaAdapter } from './oncall-psa.adapter';
import { PsaConnection } from './psa-adapter.port';

/**
 * The adapter for the configured PSA: ours (docs/psa/psa-api.openapi.yaml) when PSA_API_URL is set, none
 * otherwise. A ConnectWise, Autotask or Halo adapter is chosen here when there is one (ADR 0160).
 */
export const psaConnectionProvider: Provider = {
  provide: PsaConnection,
  inject: [PsaSyncConfig],
  useFactory: (config: PsaSyncConfig) =>
    new PsaConnection(
      config.PSA_API_URL && config.PSA_SERVICE_KEY
        ? new OncallPsaAdapter(config.PSA_API_URL, config.PSA_SERVICE_KEY)
        : null,
    ),
};
