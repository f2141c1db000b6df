import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, CLOCK, startSharedTestClock, SystemClock } from '@oncall/platform-clock';
import { MessageBus } from '@oncall/platform-messaging';
import { ServiceMetrics } from '@oncall/platform-observability';
import { ServiceConfig } from '@oncall/platform-config';
import { createServiceDataSource, runMigrations } from '@oncall/platform-persistence';
import { Logger } from 'pino';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { HealthController } from './health.controller';
import { BusLifecycle } from './bus-lifecycle';
import { RUNTIME_OPTIONS, RuntimeOptions } from './runtime-options';
import { LOGGER } from './tokens';
import { createValidationPipe } from './validation.pipe';
import { hostname } from 'node:os';

/**
 * Everything a service gets from the platform: its typed config, logger, metrics, its PostgreSQL schema
 * (migrated at start), the NATS bus with its streams, health endpoints, problem+json errors.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(options: RuntimeOptions, logger: Logger): DynamicModule {
    const config = options.config;
    const configClass = config.constructor as new () => ServiceConfig;
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // Fail fast with one clear line; the orchestrator restarts the process (k8s backs off).
          useFactory: () => ({ retryAttempts: 2, retryDelay: 1_000 }),
          dataSourceFactory: async () => {
            const dataSource = createServiceDataSource({
              url: config.DATABASE_URL,
              schema: options.schema,
              migrations: options.migrations,
              entities: options.entities,
              applicationName: options.serviceName,
            });
            await dataSource.initialize();
            const applied = await runMigrations(dataSource, options.schema);
            if (applied.length > 0) logger.info({ migrations: applied }, 'Applied migrations');
            return dataSource;
          },
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: RUNTIME_OPTIONS, useValue: options },
        { provide: LOGGER, useValue: logger },
        { provide: configClass, useValue: config },
        { provide: ServiceConfig, useValue: config },
        { provide: ServiceMetrics, useValue: new ServiceMetrics(options.serviceName) },
        {
          provide: MessageBus,
          useFactory: () =>
            MessageBus.connect({
              url: config.NATS_URL,
              connectionName: `${options.serviceName}@${config.INSTANCE_ID ?? hostname()}`,
              subjectPrefix: config.NATS_SUBJECT_PREFIX,
              streams: options.streams,
            }),
        },
        {
          provide: CLOCK,
          inject: [MessageBus],
          useFactory: (bus: MessageBus): Promise<Clock> | Clock =>
            config.PLATFORM_CLOCK === 'test' ? startSharedTestClock(bus, logger) : new SystemClock(),
        },
        BusLifecycle,
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useValue: createValidationPipe() },
      ],
      exports: [RUNTIME_OPTIONS, LOGGER, CLOCK, configClass, ServiceConfig, ServiceMetrics, MessageBus],
    };
  }
}
