import { ModuleRef } from '@nestjs/core';
import { StreamDefinition } from '@oncall/contracts';
import { BaseServiceConfig, ServiceConfig } from '@oncall/platform-config';
import { DataSourceOptions } from 'typeorm';

export const RUNTIME_OPTIONS = Symbol('RUNTIME_OPTIONS');

/**
 * One readiness check of a service, beyond the platform's (PostgreSQL when the service has a database,
 * NATS): true when the service can do that part of its job. Resolved against the running app.
 */
export type ReadinessCheck = (moduleRef: ModuleRef) => boolean | Promise<boolean>;

interface CommonRuntimeOptions {
  serviceName: string;
  /** JetStream streams the service publishes to or consumes from. */
  streams: readonly StreamDefinition[];
  /** Checks `/readyz` adds to the platform's, by name (e.g. `integrationKeys`). */
  readiness?: Record<string, ReadinessCheck>;
}

/** A service owning a PostgreSQL schema (the default): migrated at start, checked by /readyz. */
export interface DatabaseRuntimeOptions extends CommonRuntimeOptions {
  database?: true;
  config: ServiceConfig;
  schema: string;
  migrations: DataSourceOptions['migrations'];
  entities?: DataSourceOptions['entities'];
}

/** A service that keeps nothing in PostgreSQL and must keep working while it is down (ADR 0131). */
export interface BusOnlyRuntimeOptions extends CommonRuntimeOptions {
  database: false;
  config: BaseServiceConfig;
}

/** What a service tells the platform about itself. */
export type RuntimeOptions = DatabaseRuntimeOptions | BusOnlyRuntimeOptions;
