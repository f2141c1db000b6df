import { Streams } from '@oncall/contracts';
import { loadConfig } from '@oncall/platform-config';
import { MessageBus } from '@oncall/platform-messaging';
import { startService } from '@oncall/platform-runtime';
import { createTestNamespace, TEST_NATS_URL, waitFor } from '@oncall/platform-testing';
import { randomBytes } from 'node:crypto';
import { IngestionGatewayConfig } from '../../apps/ingestion-gateway/src/ingestion-gateway.config';
import { ingestionGatewayService } from '../../apps/ingestion-gateway/src/ingestion-gateway.service';
import {
  integrationWithKey,
  publishIntegrationState,
} from '../../apps/ingestion-gateway/src/integration-keys/testing/integration-state';

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
  await publishIntegrationState(
    bus,
    integrationWithKey(key, { orgId: 'bench-msp', name: 'Bench monitoring' }),
  );
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
