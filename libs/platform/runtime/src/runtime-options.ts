import { StreamDefinition } from '@oncall/contracts';
import { ServiceConfig } from '@oncall/platform-config';
import { DataSourceOptions } from 'typeorm';

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
}
