import { StreamDefinition } from '@oncall/contracts';
import { ServiceConfig } from '@oncall/platform-config';
import { DataSourceOptions } from 'typeorm';
import type { ReadinessCheck } from './readiness';

export const RUNTIME_OPTIONS = Symbol('RUNTIME_OPTIONS');

/** What a service tells the platform about itself. */
export interface RuntimeOptions {
  serviceName: string;
  config: ServiceConfig;
  /** PostgreSQL schema owned by the service. */
  schema: string;
  migrations: DataSourceOptions['migrations'];
  entities?: DataSourceOptions['entities'];
  /** JetStream streams the service publishes to or consumes from. */
  streams: readonly StreamDefinition[];
  /**
   * What `/readyz` checks: what the service cannot do its job without. Default: PostgreSQL and NATS
   * (DEFAULT_READINESS). A service whose job does not need one of them leaves it out.
   */
  readiness?: readonly ReadinessCheck[];
}
