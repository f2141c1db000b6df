export { startService, type RunningService, type ServiceDefinition } from './create-service';
export { runService } from './run-service';
export { PlatformModule } from './platform.module';
export { RUNTIME_OPTIONS, type RuntimeOptions } from './runtime-options';
export { LOGGER } from './tokens';
export { apiFieldName, problem, statusForErrorCode, type ProblemDetails } from './problem-details';
export {
  badRequestFor,
  flattenValidationErrors,
  createValidationPipe,
  refuseUnstorable,
  validatePayload,
} from './validation.pipe';
export { PublicRoute, PUBLIC_ROUTE } from './public-route.decorator';
export { OutboxRelayWorker } from './outbox-relay.worker';
export { DEFAULT_READINESS, natsReadiness, postgresReadiness, type ReadinessCheck } from './readiness';
