/** Messaging's test entry point (`@oncall/platform-messaging/testing`): never imported by production code. */
export { closeTestBus, openTestBus, type TestNamespace } from './test-bus';
