import { alertPartitionOf, alertReceivedSubject } from '@oncall/contracts';
import { randomUUID } from 'node:crypto';
import { PlatformHarness } from './platform-harness';
import { alertReceived } from './stream-alerts';

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
    const alertId = randomUUID();
    const envelope = alertReceived({
      alertId,
      orgId,
      integrationId: randomUUID(),
      serviceId: randomUUID(),
      dedupKey: `nul\u0000${alertId}`,
      summary,
    });
    const { integrationId, dedupKey } = envelope.data;
    // Published without the alert headers the gateway adds, as before: only the body is unapplicable.
    await bus.publisher.publish(alertReceivedSubject(alertPartitionOf(integrationId, dedupKey)), envelope);
  } finally {
    await bus.close();
  }
}
