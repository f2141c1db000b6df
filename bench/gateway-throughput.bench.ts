/**
 * Gateway throughput (issue 9): accepted alerts per second and latency at 50 connections, beside a bare
 * Fastify handler answering 202 measured in the same run. Target: >= 5,000 accepted/s, p99 < 50 ms, and
 * at least 0.35 of the bare handler's rate. Needs NATS only (the gateway has no database).
 *
 *   node scripts/run-ts.js bench/gateway-throughput.bench.ts [seconds=10] [connections=50]
 */
import 'reflect-metadata';
import autocannon, { Result } from 'autocannon';
import Fastify from 'fastify';
import { performance } from 'node:perf_hooks';
import { startGatewayWithIntegration } from './support/gateway-under-test';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = Number(process.argv[3] ?? 50);
const TARGET = { acceptedPerSecond: 5_000, p99Ms: 50, ratio: 0.35 };
const ALERT = JSON.stringify({
  summary: 'CPU above 90% on FS01 for 5 minutes',
  severity: 'warning',
  source: 'rmm-bench',
  dedupKey: 'fs01-cpu',
  details: { host: 'FS01', cpu: 93.5, threshold: 90 },
});

interface Measured {
  okPerSecond: number;
  p50: number;
  p99: number;
  refused: number;
  errors: number;
  /** Share of the time the main thread (the server's) was busy. */
  busy: number;
}

async function load(url: string, seconds: number): Promise<Measured> {
  const before = performance.eventLoopUtilization();
  const result: Result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: ALERT,
    connections: CONNECTIONS,
    duration: seconds,
    workers: 1,
  });
  const busy = performance.eventLoopUtilization(before).utilization;
  return {
    okPerSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    refused: result.non2xx,
    errors: result.errors + result.timeouts,
    busy,
  };
}

async function startBareFastify(): Promise<{ url: string; close(): Promise<void> }> {
  const fastify = Fastify();
  fastify.post('/v1/alerts/generic/:key', async (_request, reply) =>
    reply.code(202).send({ status: 'accepted' }),
  );
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  const { port } = fastify.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v1/alerts/generic/key`, close: () => fastify.close() };
}

function line(name: string, measured: Measured): string {
  const rate = Math.round(measured.okPerSecond).toLocaleString('en');
  return (
    `  ${name.padEnd(22)} ${rate.padStart(7)} /s  p50 ${measured.p50} ms  p99 ${measured.p99} ms  ` +
    `non-2xx ${measured.refused}  errors ${measured.errors}  server thread busy ${Math.round(measured.busy * 100)}%`
  );
}

async function main(): Promise<void> {
  const gateway = await startGatewayWithIntegration();
  const bare = await startBareFastify();
  try {
    // Warm-up: JIT, connection pools, the first JetStream acks.
    await load(bare.url, 2);
    await load(gateway.alertUrl, 2);
    const storedBefore = await gateway.alertsStored();
    const bareRun = await load(bare.url, SECONDS);
    const gatewayRun = await load(gateway.alertUrl, SECONDS);
    const stored = (await gateway.alertsStored()) - storedBefore;
    const ratio = gatewayRun.okPerSecond / bareRun.okPerSecond;
    const pass =
      gatewayRun.okPerSecond >= TARGET.acceptedPerSecond &&
      gatewayRun.p99 < TARGET.p99Ms &&
      ratio >= TARGET.ratio &&
      gatewayRun.refused === 0;
    console.log(
      `POST one generic alert, ${CONNECTIONS} connections, ${SECONDS} s each (load in a worker thread)`,
    );
    console.log(line('bare Fastify, 202', bareRun));
    console.log(line('gateway, accepted', gatewayRun));
    console.log(`  alerts stored in JetStream during the gateway run: ${stored.toLocaleString('en')}`);
    console.log(
      `  ratio gateway/bare ${ratio.toFixed(2)}; target >= ${TARGET.acceptedPerSecond}/s, ` +
        `p99 < ${TARGET.p99Ms} ms, ratio >= ${TARGET.ratio}: ${pass ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    await bare.close();
    await gateway.close();
  }
}

void main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
