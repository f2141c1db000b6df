import {
  AlertEventTypes,
  alertPartitionOf,
  alertReceivedSubject,
  CanonicalAlert,
  MessageEnvelope,
} from '@oncall/contracts';
import { randomUUID } from 'node:crypto';
import { PlatformHarness } from './platform-harness';

/**
 * Puts on the alert stream, as a producer that does not validate would, an alert of `orgId` whose dedup
 * key PostgreSQL cannot store: dedup-grouping dead-letters it at once.
 */
export async function publishUnapplicableAlert(
  platform: PlatformHarness,
  orgId: string,
  summary: string,
): Promise<void> {
  const bus = await platform.connectBus();
  try {
    const at = new Date().toISOString();
    const alertId = randomUUID();
    const envelope: MessageEnvelope<string, CanonicalAlert> = {
      type: AlertEventTypes.received,
      data: {
        alertId,
        orgId,
        integrationId: randomUUID(),
        serviceId: randomUUID(),
        origin: 'generic',
        action: 'trigger',
        dedupKey: `nul\u0000${alertId}`,
        summary,
        severity: 'high',
        labels: {},
        links: [],
        occurredAt: at,
        receivedAt: at,
      },
      metadata: {
        eventId: alertId,
        orgId,
        correlationId: alertId,
        causationId: null,
        occurredAt: at,
        schemaVersion: 1,
      },
    };
    const { integrationId, dedupKey } = envelope.data;
    await bus.publisher.publish(alertReceivedSubject(alertPartitionOf(integrationId, dedupKey)), envelope);
  } finally {
    await bus.close();
  }
}
