import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EventStore, ProjectionRunner } from '@oncall/platform-event-store';
import { LOGGER } from '@oncall/platform-runtime';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { EVENT_STORE } from '../event-store/event-store.provider';
import { IncidentsProjection } from '../projections/incidents.projection';

/** Keeps the incident read models up to date with the event store. */
@Injectable()
export class IncidentProjectionWorker implements OnApplicationBootstrap, OnModuleDestroy {
  readonly runner: ProjectionRunner;

  constructor(
    dataSource: DataSource,
    @Inject(EVENT_STORE) store: EventStore,
    projection: IncidentsProjection,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.runner = new ProjectionRunner(dataSource, store, projection, logger, { pollIntervalMs: 25 });
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}
