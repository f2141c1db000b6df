/**
 * Latency from an alert POSTed to the gateway to the incident listed by the API, through JetStream,
 * dedup-grouping, incident-state, its outbox and projection (issue target: within 1 s).
 *
 *   node scripts/run-ts.js bench/alert-to-incident.bench.ts [alerts]
 */
import 'reflect-metadata';
import { IncidentPage } from '@oncall/contracts';
import { IncidentStage } from '../test/support/incident-stage';
import { PlatformHarness } from '../test/support/platform-harness';

const ALERTS = Number(process.argv[2] ?? 100);

async function main(): Promise<void> {
  const stage = await IncidentStage.start('benchlatency');
  try {
    const { platform, demo, manager } = stage;
    await alertToIncident(platform, demo.integrationKey, manager, 'warm-up');
    const latencies: number[] = [];
    for (let i = 0; i < ALERTS; i++)
      latencies.push(await alertToIncident(platform, demo.integrationKey, manager, `alert ${i}`));
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    console.log(
      `alert POSTed -> incident listed by GET /api/v1/incidents, ${ALERTS} alerts one after another`,
    );
    console.log(
      `  p50 ${at(50)} ms, p95 ${at(95)} ms, max ${latencies[latencies.length - 1]} ms (target max < 1000 ms: ${latencies[latencies.length - 1] < 1000 ? 'met' : 'NOT met'})`,
    );
  } finally {
    await stage.close();
  }
}

const INCIDENT_DEADLINE_MS = 30_000;

async function alertToIncident(
  platform: PlatformHarness,
  key: string,
  token: string,
  summary: string,
): Promise<number> {
  const started = Date.now();
  const response = await platform.postAlert(key, { summary, severity: 'high', source: 'bench' });
  if (response.status !== 202) throw new Error(`alert refused: ${response.status}`);
  for (;;) {
    if (Date.now() - started > INCIDENT_DEADLINE_MS)
      throw new Error(`"${summary}" not listed within ${INCIDENT_DEADLINE_MS} ms`);
    const page = (await (await platform.api('/api/v1/incidents?limit=5', token)).json()) as IncidentPage;
    if (page.items.some((item) => item.title === summary)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

void main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
