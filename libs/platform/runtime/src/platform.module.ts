import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, ModuleRef } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock, CLOCK, startSharedTestClock, SystemClock } from '@oncall/platform-clock';
import { MessageBus } from '@oncall/platform-messaging';
import { ServiceMetrics } from '@oncall/platform-observability';
import { BaseServiceConfig, ServiceConfig } from '@oncall/platform-config';
import { openServiceDataSource } from '@oncall/platform-persistence';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { HealthController } from './health.controller';
import { BusLifecycle } from './bus-lifecycle';
import { ReadinessProbe } from './readiness';
import { DatabaseRuntimeOptions, RUNTIME_OPTIONS, RuntimeOptions } from './runtime-options';
import { LOGGER } from './tokens';
import { createValidationPipe } from './validation.pipe';
import { hostname } from 'node:os';

/**
 * Everything a service gets from the platform: its typed config, logger, metrics, its PostgreSQL schema
 * (migrated at start; none for a service declared `database: false`), the NATS bus with its streams,
 * health endpoints, problem+json errors.
 */
@Global()
@Module({})
export class PlatformModule {
  static forService(options: RuntimeOptions, logger: Logger): DynamicModule {
    const config = options.config;
    const configClass = config.constructor as new () => BaseServiceConfig;
    const hasDatabase = options.database !== false;
    return {
      module: PlatformModule,
      imports: options.database === false ? [] : [databaseModule(options, logger)],
      controllers: [HealthController],
      providers: [
        { provide: RUNTIME_OPTIONS, useValue: options },
        { provide: LOGGER, useValue: logger },
        { provide: configClass, useValue: config },
        { provide: BaseServiceConfig, useValue: config },
        ...(hasDatabase ? [{ provide: ServiceConfig, useValue: config }] : []),
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
        readinessProvider(options),
        BusLifecycle,
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useValue: createValidationPipe() },
      ],
      exports: [
        RUNTIME_OPTIONS,
        LOGGER,
        CLOCK,
        configClass,
        BaseServiceConfig,
        ...(hasDatabase ? [ServiceConfig] : []),
        ServiceMetrics,
        MessageBus,
      ],
    };
  }
}

function databaseModule(options: DatabaseRuntimeOptions, logger: Logger): DynamicModule {
  return TypeOrmModule.forRootAsync({
    // Fail fast with one clear line; the orchestrator restarts the process (k8s backs off).
    useFactory: () => ({ retryAttempts: 2, retryDelay: 1_000 }),
    dataSourceFactory: () =>
      openServiceDataSource(
        {
          url: options.config.DATABASE_URL,
          schema: options.schema,
          migrations: options.migrations,
          entities: options.entities,
          applicationName: options.serviceName,
        },
        (applied) => {
          if (applied.length > 0) logger.info({ migrations: applied }, 'Applied migrations');
        },
      ),
  });
}

function readinessProvider(options: RuntimeOptions): Provider {
  const hasDatabase = options.database !== false;
  return {
    provide: ReadinessProbe,
    inject: [ModuleRef, MessageBus, ...(hasDatabase ? [DataSource] : [])],
    useFactory: (moduleRef: ModuleRef, bus: MessageBus, dataSource?: DataSource) =>
      ReadinessProbe.forService(options, moduleRef, bus, dataSource),
  };
}
