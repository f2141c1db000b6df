/** Severities as alerts carry them (a domain library imports no contracts; same values as theirs). */
export const ROUTING_SEVERITIES = ['critical', 'high', 'warning', 'info'] as const;
export type RoutingSeverity = (typeof ROUTING_SEVERITIES)[number];

/**
 * What a rule asks of an alert: every condition given must hold (AND); within a list any entry will do
 * (OR). A rule with no condition would swallow every later rule; the default service is for that.
 */
export interface RoutingConditions {
  integrationIds?: string[];
  /** Our clients' ids; the alert's client (the tool's id for it) is resolved first (clientResolver). */
  clientIds?: string[];
  /** Device names, compared without regard to case (host names are case-insensitive). */
  devices?: string[];
  /** Labels the alert must carry with exactly these values. */
  labels?: Record<string, string>;
  severities?: RoutingSeverity[];
}

/** An organization's rule: alerts it matches go to `serviceId`. Rules are tried in order; first wins. */
export interface RoutingRule {
  ruleId: string;
  serviceId: string;
  when: RoutingConditions;
}

/** What routing reads of an alert. */
export interface RoutedAlertFacts {
  integrationId: string;
  /** Our client, resolved from the tool's id; null when no client matches. */
  clientId: string | null;
  device?: string;
  labels: Readonly<Record<string, string>>;
  severity: RoutingSeverity;
}

export interface ServiceRoute {
  serviceId: string;
  /** The rule taken, recorded on the alert; null when the default service caught it. */
  ruleId: string | null;
}

/** The service an alert goes to: the first rule that matches it, else the organization's default. */
export function routeToService(
  alert: RoutedAlertFacts,
  rules: readonly RoutingRule[],
  defaultServiceId: string,
): ServiceRoute {
  const rule = rules.find((candidate) => matches(candidate.when, alert));
  return rule
    ? { serviceId: rule.serviceId, ruleId: rule.ruleId }
    : { serviceId: defaultServiceId, ruleId: null };
}

function matches(when: RoutingConditions, alert: RoutedAlertFacts): boolean {
  const device = alert.device?.toLowerCase();
  return (
    (when.integrationIds === undefined || when.integrationIds.includes(alert.integrationId)) &&
    (when.clientIds === undefined || (alert.clientId !== null && when.clientIds.includes(alert.clientId))) &&
    (when.devices === undefined ||
      (device !== undefined && when.devices.some((name) => name.toLowerCase() === device))) &&
    (when.severities === undefined || when.severities.includes(alert.severity)) &&
    (when.labels === undefined ||
      Object.entries(when.labels).every(
        ([name, value]) => Object.hasOwn(alert.labels, name) && alert.labels[name] === value,
      ))
  );
}
