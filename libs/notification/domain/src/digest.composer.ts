import type { Severity } from '@oncall/incident-domain';
import { INCIDENT_SEVERITIES } from '@oncall/incident-domain';
import type { Instant } from './notification.types';

/** A page kept for a person's digest, with the incident facts the digest shows. */
export interface HeldPage {
  readonly idempotencyKey: string;
  readonly orgId: string;
  readonly userId: string;
  readonly incidentId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly serviceName: string;
  readonly clientName: string | null;
  readonly heldAt: Instant;
}

/** One incident in a digest; `pageKeys` are the held pages it stands for. */
export interface DigestEntry {
  readonly incidentId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly serviceName: string;
  readonly clientName: string | null;
  readonly pageKeys: string[];
  readonly firstHeldAt: Instant;
}

export interface Digest {
  /** Derived from the smallest page key: a page is in one digest only, so no two digests share it. */
  readonly idempotencyKey: string;
  readonly orgId: string;
  readonly userId: string;
  readonly pageCount: number;
  readonly entries: DigestEntry[];
}

/**
 * One digest of every page held for a person: one entry per incident (its latest facts), most severe
 * first, then oldest first. A page held twice (a redelivered request) counts once.
 */
export function composeDigest(held: readonly HeldPage[]): Digest {
  const pages = uniqueByKey(held);
  if (pages.length === 0) throw new RangeError('a digest needs at least one held page');
  const { orgId, userId } = pages[0];
  if (pages.some((page) => page.orgId !== orgId || page.userId !== userId)) {
    throw new RangeError('a digest is for one person: every held page must have the same orgId and userId');
  }
  const byIncident = new Map<string, HeldPage[]>();
  for (const page of pages)
    byIncident.set(page.incidentId, [...(byIncident.get(page.incidentId) ?? []), page]);
  const entries = [...byIncident.values()].map(toEntry).sort(mostSevereThenOldest);
  const smallestKey = pages.map((page) => page.idempotencyKey).sort()[0];
  return { idempotencyKey: `digest:${smallestKey}`, orgId, userId, pageCount: pages.length, entries };
}

function toEntry(pages: readonly HeldPage[]): DigestEntry {
  const byTime = [...pages].sort((a, b) => Date.parse(a.heldAt) - Date.parse(b.heldAt));
  const latest = byTime[byTime.length - 1];
  return {
    incidentId: latest.incidentId,
    title: latest.title,
    severity: latest.severity,
    serviceName: latest.serviceName,
    clientName: latest.clientName,
    pageKeys: byTime.map((page) => page.idempotencyKey),
    firstHeldAt: byTime[0].heldAt,
  };
}

function mostSevereThenOldest(a: DigestEntry, b: DigestEntry): number {
  const bySeverity = INCIDENT_SEVERITIES.indexOf(a.severity) - INCIDENT_SEVERITIES.indexOf(b.severity);
  if (bySeverity !== 0) return bySeverity;
  const byTime = Date.parse(a.firstHeldAt) - Date.parse(b.firstHeldAt);
  if (byTime !== 0) return byTime;
  return a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0;
}

function uniqueByKey(held: readonly HeldPage[]): HeldPage[] {
  return [...new Map(held.map((page) => [page.idempotencyKey, page])).values()];
}
