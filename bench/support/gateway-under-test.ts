import {
  DIRECTORY_STATE_CONTEXT,
  IntegrationState,
  StateRecord,
  stateSubject,
  Streams,
} from '@oncall/contracts';
import { loadConfig } from '@oncall/platform-config';
import { encodeJson, MessageBus } from '@oncall/platform-messaging';
import { startService } from '@oncall/platform-runtime';
import { createTestNamespace, TEST_NATS_URL, waitFor } from '@oncall/platform-testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { IngestionGatewayConfig } from '../../apps/ingestion-gateway/src/ingestion-gateway.config';
import { ingestionGatewayService } from '../../apps/ingestion-gateway/src/ingestion-gateway.service';
import { hashIntegrationKey } from '../../apps/ingestion-gateway/src/integration-keys/integration-key';

export interface GatewayUnderTest {
  alertUrl: string;
  /** Messages in the alert stream. */
  alertsStored(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The gateway in-process on a NATS namespace of its own, with one generic integration published to the
 * state stream as admin-api would publish it, and limits raised so that only the gateway's speed counts.
 */
export async function startGatewayWithIntegration(): Promise<GatewayUnderTest> {
  const namespace = createTestNamespace('benchgw');
  const bus = await MessageBus.connect({
    url: TEST_NATS_URL,
    connectionName: 'bench',
    subjectPrefix: namespace.prefix,
    streams: [Streams.state, Streams.alerts],
  });
  const key = randomBytes(16).toString('hex');
  await publishIntegration(bus, key);
  const config = loadConfig(IngestionGatewayConfig, {
    NATS_URL: TEST_NATS_URL,
    NATS_SUBJECT_PREFIX: namespace.prefix,
    LOG_LEVEL: 'warn',
    PORT: '0',
    INTEGRATION_RATE_PER_SECOND: '1000000',
    INTEGRATION_RATE_BURST: '1000000',
  });
  const gateway = await startService(ingestionGatewayService(config));
  await waitFor('the gateway to be ready', async () => (await fetch(`${gateway.url}/readyz`)).ok, { timeoutMs: 30_000, intervalMs: 20 }); // prettier-ignore
  return {
    alertUrl: `${gateway.url}/v1/alerts/generic/${key}`,
    alertsStored: async () =>
      (await bus.jsm.streams.info(bus.namespace.stream(Streams.alerts.name))).state.messages,
    close: async () => {
      await gateway.close();
      await bus.close();
      await namespace.cleanup();
    },
  };
}

async function publishIntegration(bus: MessageBus, key: string): Promise<void> {
  const view: IntegrationState = {
    integrationId: randomUUID(),
    orgId: 'bench-msp',
    serviceId: randomUUID(),
    type: 'generic',
    name: 'Bench monitoring',
    keyHash: hashIntegrationKey(key),
    active: true,
    createdAt: '2027-01-01T00:00:00.000000Z',
  };
  const record: StateRecord<IntegrationState> = {
    resourceType: 'integration',
    orgId: view.orgId,
    resourceId: view.integrationId,
    deleted: false,
    view,
    publishedAt: new Date().toISOString(),
  };
  const subject = stateSubject(DIRECTORY_STATE_CONTEXT, 'integration', view.integrationId);
  await bus.js.publish(bus.namespace.subject(subject), encodeJson(record));
}
