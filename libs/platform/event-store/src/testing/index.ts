/** The event store's test entry point (`@oncall/platform-event-store/testing`): never imported by production code. */
export { describeEventStoreContract, type EventStoreUnderTest } from './event-store.contract';
