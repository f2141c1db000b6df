export { routeAlert, type AlertRouting, type OpenAlert, type RoutableAlert } from './route-alert';
export { MAX_REPEATS_PER_STEP, nextKeyBatchStep, type KeyBatchStep } from './plan-key-batch';
