/**
 * Latency from an alert POSTed to the gateway to the NotifyRequested of the incident's first step on the
 * bus: gateway, JetStream, dedup-grouping, incident-state, escalation (local copies, decide, outbox relay).
 * Issue 10 target: p99 < 300 ms.
 *
 *   node scripts/run-ts.js bench/alert-to-page.bench.ts [alerts]
 */
import 'reflect-metadata';
import { incidentEventSubject, MessageEnvelope, NotifyRequested } from '@oncall/contracts';
import { decodeJson } from '@oncall/platform-messaging';
import { EscalationPlatform, PAGING_SERVICES, TAYLOR } from '../test/support/escalation-platform';

const ALERTS = Number(process.argv[2] ?? 500);

async function main(): Promise<void> {
  const services = PAGING_SERVICES.filter((name) => name !== 'scheduling');
  const esc = await EscalationPlatform.start('benchpage', { services, env: { PLATFORM_CLOCK: 'system' } });
  try {
    const policy = await esc.createPolicy([{ delayMinutes: 5, targets: [{ type: 'user', id: TAYLOR.id }] }]);
    await esc.useForDemoService(policy.id);
    const triggeredAt = new Map<string, number>();
    const triggered = esc.bus.nc.subscribe(
      esc.bus.namespace.subject(incidentEventSubject('IncidentTriggered', 1)),
    );
    void (async () => {
      for await (const message of triggered) {
        const envelope = decodeJson<MessageEnvelope<string, { title: string }>>(message.data);
        triggeredAt.set(envelope.data.title, performance.now());
      }
    })();
    const waiting = new Map<string, (page: NotifyRequested) => void>();
    esc.watch.onPage(({ request }) => waiting.get(request.incident.title)?.(request));
    const page = async (summary: string): Promise<number> => {
      const paged = new Promise<NotifyRequested>((resolve) => waiting.set(summary, resolve));
      const started = performance.now();
      const body = { summary, severity: 'critical', source: 'bench', dedupKey: summary };
      const response = await esc.platform.postAlert(esc.demo.integrationKey, body);
      if (response.status !== 202) throw new Error(`alert refused: ${response.status}`);
      await paged;
      waiting.delete(summary);
      const now = performance.now();
      engine.push(now - (triggeredAt.get(summary) ?? now));
      return now - started;
    };
    const engine: number[] = [];
    for (let i = 0; i < 10; i++) await page(`warm-up ${i}`);
    engine.length = 0;
    const latencies: number[] = [];
    for (let i = 0; i < ALERTS; i++) latencies.push(await page(`bench alert ${i}`));
    const at = percentiles(latencies);
    const inEngine = percentiles(engine);
    console.log(
      `alert POSTed -> NotifyRequested (first step) on the bus, ${ALERTS} alerts one after another`,
    );
    console.log(
      `  p50 ${at(50).toFixed(0)} ms, p95 ${at(95).toFixed(0)} ms, p99 ${at(99).toFixed(0)} ms, ` +
        `max ${at(100).toFixed(0)} ms (target p99 < 300 ms: ${at(99) < 300 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `  of which IncidentTriggered on the bus -> NotifyRequested on the bus (escalation): p50 ` +
        `${inEngine(50).toFixed(0)} ms, p99 ${inEngine(99).toFixed(0)} ms, max ${inEngine(100).toFixed(0)} ms`,
    );
    triggered.unsubscribe();
  } finally {
    await esc.close();
  }
}

function percentiles(values: number[]): (p: number) => number {
  const sorted = [...values].sort((a, b) => a - b);
  return (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

void main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
