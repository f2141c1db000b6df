/** How incidents of a service are handled, as dedup-grouping needs it when opening one. */
export interface ServiceRouting {
  orgId: string;
  serviceId: string;
  name: string;
  escalationPolicyId: string | null;
  urgency: 'high' | 'low';
}

export interface ServiceRoutingQuery {
  serviceId: string;
}
