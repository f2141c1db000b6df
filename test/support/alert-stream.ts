import { AlertEventTypes, CanonicalAlert, MessageEnvelope, Streams } from '@oncall/contracts';
import { decodeJson, MessageBus } from '@oncall/platform-messaging';
import { PlatformHarness } from './platform-harness';

type AlertReceived = MessageEnvelope<typeof AlertEventTypes.received, CanonicalAlert>;

/** Every alert the gateway stored in JetStream so far (the alert stream, all partitions), by alert id. */
export async function storedAlerts(platform: PlatformHarness): Promise<Map<string, CanonicalAlert>> {
  const bus: MessageBus = await platform.connectBus();
  try {
    const stream = bus.namespace.stream(Streams.alerts.name);
    const { state } = await bus.jsm.streams.info(stream);
    const alerts = new Map<string, CanonicalAlert>();
    const sequences = Array.from({ length: state.messages }, (_, i) => state.first_seq + i);
    // A direct get per message: a few hundred in a test, read 50 at a time.
    for (let start = 0; start < sequences.length; start += 50) {
      const messages = await Promise.all(
        sequences.slice(start, start + 50).map((seq) => bus.jsm.streams.getMessage(stream, { seq })),
      );
      for (const message of messages) {
        const { data } = decodeJson<AlertReceived>(message.data);
        alerts.set(data.alertId, data);
      }
    }
    return alerts;
  } finally {
    await bus.close();
  }
}
