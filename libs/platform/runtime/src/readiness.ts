import { ModuleRef } from '@nestjs/core';
import { MessageBus } from '@oncall/platform-messaging';
import { DataSource } from 'typeorm';

/**
 * One thing a service needs to do its job. `/readyz` answers 200 only when every check the service
 * declares passes, so a load balancer takes a replica out only for what actually stops it working.
 */
export interface ReadinessCheck {
  /** Key of the check in the `/readyz` body, e.g. `postgres`. */
  name: string;
  /** Resolves when the dependency answers; a rejection (or no answer within 2 s) means not ready. */
  probe(services: ModuleRef): Promise<unknown>;
}

export const postgresReadiness: ReadinessCheck = {
  name: 'postgres',
  probe: (services) => services.get(DataSource, { strict: false }).query('SELECT 1'),
};

export const natsReadiness: ReadinessCheck = {
  name: 'nats',
  probe: (services) => services.get(MessageBus, { strict: false }).ping(),
};

/** What a service needs unless it says otherwise: its PostgreSQL schema and the bus. */
export const DEFAULT_READINESS: readonly ReadinessCheck[] = [postgresReadiness, natsReadiness];
