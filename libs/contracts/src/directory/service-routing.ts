import { ServiceUrgency, UrgencyRule } from './urgency-rule';

/** How incidents of a service are handled, as dedup-grouping needs it when opening one. */
export interface ServiceRouting {
  orgId: string;
  serviceId: string;
  name: string;
  escalationPolicyId: string | null;
  /** The constant urgency, or the default (high) for rules that depend on the alert or the time. */
  urgency: ServiceUrgency;
  /** The service's full rule, for consumers that evaluate it per alert (severity, support hours). */
  urgencyRule: UrgencyRule;
}

export interface ServiceRoutingQuery {
  serviceId: string;
}
