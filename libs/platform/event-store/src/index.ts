export * from './event-store.port';
export { CreateEventStore1764201600001 } from './event-store.migration';
export { PostgresEventStore, type AppendingEvent, type BeforeCommitHook } from './postgres-event-store';
export { ProjectionRunner, type Projection, type ProjectionRunnerOptions } from './projection-runner';
