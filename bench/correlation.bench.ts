/**
 * Correlation throughput: alerts already on the stream (published as the gateway does) → applied to
 * incidents by dedup-grouping. Prints alerts/s for a burst over many keys and for a storm on one key.
 *   node scripts/run-ts.js bench/correlation.bench.ts
 */
import 'reflect-metadata';
import { MessageBus } from '@oncall/platform-messaging';
import { DEMO_INTEGRATION, DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import { IncidentStage } from '../test/support/incident-stage';
import { PlatformHarness } from '../test/support/platform-harness';
import { alertReceived, publishOnAlertStream } from '../test/support/stream-alerts';
import { countAlertsApplied } from './support/alerts-applied';

const DEADLINE_MS = 180_000;

async function main(): Promise<void> {
  const stage = await IncidentStage.start('benchcorr', {
    services: ['admin-api', 'dedup-grouping', 'incident-state'],
  });
  try {
    const { platform, demo, bus } = stage;
    for (const [label, keys, alerts] of [
      ['burst over 500 keys', 500, 10_000],
      ['storm on one key', 1, 20_000],
    ] as const) {
      const before = await alertsApplied(platform);
      const started = Date.now();
      await publish(bus, demo, alerts, keys, label);
      const published = Date.now() - started;
      await untilApplied(platform, before + alerts);
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `${label}: ${alerts} alerts published in ${published} ms, correlated in ${seconds.toFixed(1)} s → ${(alerts / seconds).toFixed(0)} alerts/s`,
      );
    }
  } finally {
    await stage.close();
  }
}

async function publish(bus: MessageBus, demo: DemoOrganization, alerts: number, keys: number, label: string) {
  let window: Promise<unknown>[] = [];
  for (let i = 0; i < alerts; i++) {
    const dedupKey = `${label}-${i % keys}`;
    const alert = {
      orgId: demo.orgId,
      integrationId: DEMO_INTEGRATION.id,
      serviceId: demo.serviceId,
      dedupKey,
    };
    window.push(publishOnAlertStream(bus, alertReceived(alert)));
    if (window.length === 500) window = await Promise.all(window).then(() => []);
  }
  await Promise.all(window);
}

function alertsApplied(platform: PlatformHarness): Promise<number> {
  return platform.withSchema('incident_state', (db) => countAlertsApplied((sql) => db.query(sql)));
}

async function untilApplied(platform: PlatformHarness, total: number): Promise<void> {
  const deadline = Date.now() + DEADLINE_MS;
  while ((await alertsApplied(platform)) < total) {
    if (Date.now() > deadline) throw new Error(`not all ${total} alerts applied within ${DEADLINE_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

void main();
