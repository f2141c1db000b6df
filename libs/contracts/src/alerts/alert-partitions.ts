import { Subjects } from '../messaging/subjects';

/**
 * Alerts are published on one of ALERT_PARTITIONS subjects, chosen from (integration, dedup key): every alert
 * of a key lands on the same partition, so a correlator that owns a partition sees them in order, and
 * replicas share the partitions between them (ADR 0130).
 */
export const ALERT_PARTITIONS = 16;

/** The subject of one partition, e.g. `oncall.evt.ingest.alert-received.v1.7`. */
export function alertReceivedSubject(partition: number): string {
  return `${Subjects.alertReceived}.${partition}`;
}

/** Every partition (for readers of all alerts). */
export const ALL_ALERTS_RECEIVED = `${Subjects.alertReceived}.*`;

/** The partition of an alert key: FNV-1a over "integration\nkey", the same in every service and language. */
export function alertPartitionOf(integrationId: string, dedupKey: string): number {
  let hash = 0x811c9dc5;
  const text = `${integrationId}\n${dedupKey}`;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % ALERT_PARTITIONS;
}
