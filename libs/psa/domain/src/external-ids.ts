/**
 * The incident's id in the PSA's external-id field (ConnectWise externalXRef, Autotask externalID, a Halo
 * vendor id slot): what a lookup after an unknown outcome searches for.
 */
export function externalIdOf(orgId: string, incidentId: string): string {
  return `oncall:${orgId}:${incidentId}`;
}

/**
 * The Idempotency-Key of a ticket creation. `generation` moves on when a person asks again after the PSA
 * refused the ticket for good, so a PSA that remembers answers (errors included) takes the new request.
 */
export function createIdempotencyKey(orgId: string, incidentId: string, generation: number): string {
  return `${externalIdOf(orgId, incidentId)}:create:${generation}`;
}

/** The Idempotency-Key of one note or status change: the same operation sent twice is applied once. */
export function operationIdempotencyKey(orgId: string, incidentId: string, operationId: string): string {
  return `${externalIdOf(orgId, incidentId)}:op:${operationId}`;
}
