/** What makes one delivery distinct: the page (incident, person, level, cycle) and the rule step. */
export interface DeliveryIdentity {
  readonly orgId: string;
  readonly incidentId: string;
  readonly userId: string;
  /**
   * The escalation walk (ADR 0100): a restarted walk (unacknowledged, snooze ended) pages the same level
   * and cycle again, and those pages must not look like repeats of the first walk's. Absent for callers
   * that have no walk (the key then has no generation part, as before).
   */
  readonly generation?: number;
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
  const { orgId, incidentId, userId, generation, level, cycle, contactMethodId, delayMinutes } = identity;
  const walk = generation === undefined ? [] : [`G${generation}`];
  const parts = [
    orgId,
    incidentId,
    userId,
    ...walk,
    `L${level}`,
    `C${cycle}`,
    contactMethodId,
    `${delayMinutes}m`,
  ];
  return ['notify', ...parts.map(encodeURIComponent)].join(':');
}
