import { Provider } from '@nestjs/common';
import { EventStore, PostgresEventStore } from '@oncall/platform-event-store';
import { relayEventsThroughOutbox } from '@oncall/platform-outbox';
import { DataSource } from 'typeorm';
import { incidentOutboxSubject } from './incident-streams';

export const EVENT_STORE = Symbol('EVENT_STORE');

/** The shipped adapter; another one (EventStoreDB) would be bound here and pass the same contract suite. */
export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  useFactory: (dataSource: DataSource): EventStore =>
    new PostgresEventStore(dataSource, relayEventsThroughOutbox(incidentOutboxSubject)),
  inject: [DataSource],
};
