export { SubjectNamespace } from './subject-namespace';
export { MessageBus, type MessageBusOptions } from './message-bus';
export { EventPublisher, type PublishResult } from './event-publisher';
export { CoalescingPublisher } from './coalescing-publisher';
export {
  DurableConsumer,
  type DurableConsumerSpec,
  type Delivery,
  type EnvelopeHandler,
} from './durable-consumer';
export { RpcClient } from './rpc-client';
export { RpcResponder, type RpcHandler } from './rpc-responder';
export { RpcError, RpcUnavailableError, isPermanentFailure } from './rpc-errors';
export { readCursor } from './page-cursor-reader';
export { verdictFor, retryDelay, type FailureVerdict } from './failure-policy';
export { publishDeadLetter } from './dead-letter';
export { PlatformTransport, type DurableEventOptions } from './platform-transport';
export { DurableEventPattern, DurableStreamPattern } from './durable-event-pattern';
export { MessageContextHost } from './message-context-host';
export { ensureStreams } from './streams';
export { encodeJson, decodeJson, UndecodableMessageError } from './message-codec';
export { OrgRequest } from './organization-context';
export { StateReplica, type StateReplicaSpec, type StateChangeListener } from './state-replica';
export { inOrganization, LocalStateCopies } from './local-state-copies';
export { deterministicUuid } from './deterministic-id';
export { AlertHeaders, alertHeaders, alertKeyDigest, alertRouteOf } from './alert-headers';
