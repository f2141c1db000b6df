import {
  alertPartitionOf,
  alertReceivedEnvelope,
  AlertReceivedEnvelope,
  alertReceivedSubject,
  CanonicalAlert,
} from '@oncall/contracts';
import { alertHeaders, MessageBus } from '@oncall/platform-messaging';
import { randomUUID } from 'node:crypto';

export type AlertReceived = AlertReceivedEnvelope;

/** Who an alert is for and what it is about; the rest defaults to a generic high trigger. */
export type AlertFields = Pick<CanonicalAlert, 'orgId' | 'integrationId' | 'serviceId' | 'dedupKey'> &
  Partial<CanonicalAlert>;

/**
 * An alert as the gateway would have put it on the alert stream, received now: a generic trigger of high
 * severity summarised "Alert on <dedupKey>", a fresh alert id, and what `fields` set.
 */
export function alertReceived(fields: AlertFields): AlertReceived {
  const alertId = randomUUID();
  const now = new Date().toISOString();
  const data: CanonicalAlert = {
    alertId,
    origin: 'generic',
    action: 'trigger',
    summary: `Alert on ${fields.dedupKey}`,
    severity: 'high',
    labels: {},
    links: [],
    occurredAt: now,
    receivedAt: now,
    ...fields,
  };
  return alertReceivedEnvelope(data, data.alertId);
}

/** Publishes `envelope` on its alert-stream partition with the alert's headers, as the gateway does. */
export async function publishOnAlertStream(bus: MessageBus, envelope: AlertReceived): Promise<void> {
  const { integrationId, dedupKey } = envelope.data;
  await bus.publisher.publish(
    alertReceivedSubject(alertPartitionOf(integrationId, dedupKey)),
    envelope,
    undefined,
    alertHeaders(envelope.data),
  );
}
