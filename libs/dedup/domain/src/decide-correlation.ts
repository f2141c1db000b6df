import { inMaintenance, MaintenanceWindow, windowsCovering } from './maintenance/maintenance-window';
import { RoutedAlertFacts, RoutingRule, routeToService } from './routing/routing-rule';

/** What the organization has configured, as the correlator's copies hold it. */
export interface CorrelationSettings {
  rules: readonly RoutingRule[];
  windows: readonly MaintenanceWindow[];
  /** Our client for the id the tool sent (clientResolver). */
  resolveClient: (sourceClient: string | undefined) => string | null;
}

/** A trigger's facts, before it opens anything. */
export interface CorrelatedAlert extends Omit<RoutedAlertFacts, 'clientId'> {
  /** The integration's service: where the alert goes when no rule takes it. */
  serviceId: string;
  client?: string;
  receivedAt: string;
}

export interface CorrelationVerdict {
  serviceId: string;
  /** The routing rule taken; null when the integration's service caught it. */
  ruleId: string | null;
  clientId: string | null;
  /** Set when a maintenance window covers the alert: it is recorded, not paged. */
  recordReason?: string;
}

/**
 * The first two steps of ADR 0170's order for a trigger: route it to a service (first matching rule, else
 * the integration's service), then record it if a window of that service, or of its client, covers the
 * moment it was received (so a replay decides the same).
 */
export function decideCorrelation(alert: CorrelatedAlert, settings: CorrelationSettings): CorrelationVerdict {
  const clientId = settings.resolveClient(alert.client);
  const { serviceId, ruleId } = routeToService({ ...alert, clientId }, settings.rules, alert.serviceId);
  const window = inMaintenance(alert.receivedAt, windowsCovering({ serviceId, clientId }, settings.windows));
  return {
    serviceId,
    ruleId,
    clientId,
    ...(window ? { recordReason: `inside maintenance window ${window.windowId}` } : {}),
  };
}
