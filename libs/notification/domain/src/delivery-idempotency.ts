/** What makes one delivery distinct: the page (incident, person, level, cycle) and the rule step. */
export interface DeliveryIdentity {
  readonly orgId: string;
  readonly incidentId: string;
  readonly userId: string;
  readonly level: number;
  readonly cycle: number;
  readonly contactMethodId: string;
  readonly delayMinutes: number;
}

/**
 * The key a delivery is recorded under (unique in the delivery log), so a redelivered page request sends
 * nothing twice. A rule step is named by its contact method and delay rather than its position, so
 * editing the rules while an incident is open does not make a sent step look new. Each part is
 * URI-encoded so an id containing ':' cannot make two identities share a key.
 */
export function deliveryIdempotencyKey(identity: DeliveryIdentity): string {
  const { orgId, incidentId, userId, level, cycle, contactMethodId, delayMinutes } = identity;
  const parts = [orgId, incidentId, userId, `L${level}`, `C${cycle}`, contactMethodId, `${delayMinutes}m`];
  return ['notify', ...parts.map(encodeURIComponent)].join(':');
}
