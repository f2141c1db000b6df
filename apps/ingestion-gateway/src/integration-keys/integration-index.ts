import { IntegrationState, IntegrationType } from '@oncall/contracts';

/**
 * The gateway's two lookups over its copy of the integrations (ADR 0131): a live integration by the SHA-256
 * of its key, and an organization's oldest live integration of a type (Defend posts for every
 * organization with one service key). Revoked and deleted integrations are in neither, so a revocation
 * takes effect the moment its state record is applied.
 */
export class IntegrationIndex {
  private readonly byKeyHash = new Map<string, IntegrationState>();
  /** `${type}:${orgId}` → live integrations of that type, by id (usually one). */
  private readonly byTypeAndOrg = new Map<string, Map<string, IntegrationState>>();

  /** One change of one integration: what was indexed for its previous view goes, its current live view comes. */
  update(previous: IntegrationState | null | undefined, current: IntegrationState | null | undefined): void {
    if (previous) this.forget(previous);
    if (current?.active) this.remember(current);
  }

  liveByKeyHash(keyHash: string): IntegrationState | undefined {
    return this.byKeyHash.get(keyHash);
  }

  /** The oldest live integration (creation time, then id), as admin-api chose it when it was asked. */
  oldestLiveFor(orgId: string, type: IntegrationType): IntegrationState | undefined {
    let oldest: IntegrationState | undefined;
    for (const candidate of this.byTypeAndOrg.get(typeAndOrg(type, orgId))?.values() ?? []) {
      if (!oldest || isOlder(candidate, oldest)) oldest = candidate;
    }
    return oldest;
  }

  /** How many live integrations are indexed. */
  get size(): number {
    return this.byKeyHash.size;
  }

  private remember(view: IntegrationState): void {
    this.byKeyHash.set(view.keyHash, view);
    const key = typeAndOrg(view.type, view.orgId);
    const ofOrg = this.byTypeAndOrg.get(key) ?? new Map<string, IntegrationState>();
    ofOrg.set(view.integrationId, view);
    this.byTypeAndOrg.set(key, ofOrg);
  }

  private forget(view: IntegrationState): void {
    // Only its own entry: a key hash is unique, but never let one integration evict another.
    if (this.byKeyHash.get(view.keyHash)?.integrationId === view.integrationId) {
      this.byKeyHash.delete(view.keyHash);
    }
    const key = typeAndOrg(view.type, view.orgId);
    const ofOrg = this.byTypeAndOrg.get(key);
    ofOrg?.delete(view.integrationId);
    if (ofOrg?.size === 0) this.byTypeAndOrg.delete(key);
  }
}

function typeAndOrg(type: IntegrationType, orgId: string): string {
  return `${type}:${orgId}`;
}

/** `createdAt` is fixed-width UTC, so text order is time order. */
function isOlder(a: IntegrationState, b: IntegrationState): boolean {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt;
  return a.integrationId < b.integrationId;
}
