export { OUTBOX_MIGRATIONS, OUTBOX_PARTITIONS } from './outbox.migration';
export { outboxMessageFor, PARTITION_SQL, type OutboxMessage } from './outbox-message';
export { enqueueOutboxMessages } from './outbox-writer';
export {
  eventEnvelope,
  relayEventsThroughOutbox,
  type AppendingEventFacts,
  type OutboxSubjectFor,
} from './event-outbox.hook';
export { OutboxRelay, type OutboxRelayOptions, type RawPublisher } from './outbox-relay';
export { enqueueConfigurationChange, personActor } from './configuration-change';
export { enqueueStateChanges, stateMessageFor, type StateChange } from './state-change';
