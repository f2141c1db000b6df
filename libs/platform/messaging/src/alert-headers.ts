import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { MsgHdrs } from 'nats';

/**
 * Headers every received alert carries so the correlator can queue it by key and plan a storm of repeats
 * without parsing each body (it parses only the bodies it needs: the first of a run, the opener, the last).
 */
export const AlertHeaders = {
  /** SHA-256 (base64url) of "integration\\ndedup key": the alert key, without the key's own characters. */
  key: 'Oncall-Alert-Key',
  action: 'Oncall-Alert-Action',
  /** Present (`record`) only on alerts kept but never correlated (ADR 0170): planned without the body. */
  disposition: 'Oncall-Alert-Disposition',
} as const;

/** Repeats of an open alert are most of the traffic: their digest is remembered, not hashed again. */
const recentDigests = new LRUCache<string, string>({ max: 10_000 });

export function alertKeyDigest(integrationId: string, dedupKey: string): string {
  const material = `${integrationId}\n${dedupKey}`;
  let digest = recentDigests.get(material);
  if (digest === undefined) {
    digest = createHash('sha256').update(material).digest('base64url');
    recentDigests.set(material, digest);
  }
  return digest;
}

export function alertHeaders(alert: {
  integrationId: string;
  dedupKey: string;
  action: string;
  disposition?: string;
}): Record<string, string> {
  return {
    [AlertHeaders.key]: alertKeyDigest(alert.integrationId, alert.dedupKey),
    [AlertHeaders.action]: alert.action,
    ...(alert.disposition === 'record' ? { [AlertHeaders.disposition]: 'record' } : {}),
  };
}

/** What the headers say of an alert, or null for a message without them (published before they existed). */
export function alertRouteOf(
  headers: MsgHdrs | undefined,
): { key: string; action: string; orgId: string; recorded: boolean } | null {
  const key = headers?.get(AlertHeaders.key);
  const action = headers?.get(AlertHeaders.action);
  const orgId = headers?.get('Oncall-Org-Id');
  const recorded = headers?.get(AlertHeaders.disposition) === 'record';
  return key && action && orgId ? { key, action, orgId, recorded } : null;
}
