export { routeAlert, type AlertRouting, type OpenAlert, type RoutableAlert } from './route-alert';
export { MAX_REPEATS_PER_STEP, nextKeyBatchStep, type KeyBatchStep } from './plan-key-batch';
export type { FieldProblem } from './field-problem';
export {
  GROUPING_BY,
  GROUPING_WINDOW_MAX_MINUTES,
  groupKeyOf,
  validateGroupingRule,
  type GroupableAlert,
  type GroupingRule,
} from './grouping/grouping-rule';
export { decideGrouping, type GroupingDecision, type OpenGroup } from './grouping/decide-grouping';
export {
  ROUTING_SEVERITIES,
  routeToService,
  type RoutedAlertFacts,
  type RoutingConditions,
  type RoutingRule,
  type RoutingSeverity,
  type ServiceRoute,
} from './routing/routing-rule';
export { clientResolver, type ClientIds } from './routing/client-resolver';
export { ROUTING_LIMITS, validateRoutingRules } from './routing/validate-routing-rules';
export {
  inMaintenance,
  windowsCovering,
  type MaintenanceScope,
  type MaintenanceWindow,
  type OneOffMaintenance,
  type WeeklyMaintenance,
} from './maintenance/maintenance-window';
export { ONE_OFF_MAX_DAYS, validateMaintenanceWindow } from './maintenance/validate-maintenance-window';
export {
  decideCorrelation,
  type CorrelatedAlert,
  type CorrelationSettings,
  type CorrelationVerdict,
} from './decide-correlation';
