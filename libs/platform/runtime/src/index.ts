export { startService, type RunningService, type ServiceDefinition } from './create-service';
export { ReadinessProbe, type Readiness } from './readiness';
export { runService } from './run-service';
export { PlatformModule } from './platform.module';
export {
  RUNTIME_OPTIONS,
  type RuntimeOptions,
  type DatabaseRuntimeOptions,
  type BusOnlyRuntimeOptions,
  type ReadinessCheck,
} from './runtime-options';
export { LOGGER } from './tokens';
export { apiFieldName, problem, statusForErrorCode, type ProblemDetails } from './problem-details';
export {
  badRequestFor,
  flattenValidationErrors,
  createValidationPipe,
  refuseUnstorable,
  validatePayload,
} from './validation.pipe';
export { compilePayloadValidator } from './compiled-validation';
export { PublicRoute, PUBLIC_ROUTE } from './public-route.decorator';
export { OutboxRelayWorker } from './outbox-relay.worker';
export { PolledService } from './polled-service';
export {
  Caller,
  personActorOf,
  requestContextOf,
  rpcContextOf,
  type RequestContext,
} from './request-context';
