/**
 * Gateway throughput (issue 9): accepted alerts per second and latency at 50 connections, beside a bare
 * Fastify handler answering 202 measured in the same run. Target: >= 5,000 accepted/s, p99 < 50 ms, and
 * at least 0.35 of the bare handler's rate. Needs NATS only (the gateway has no database).
 *
 * The two are measured in alternating slices (bare, gateway, bare, gateway, ...), so that other work on a
 * shared machine weighs on both alike; rates add up over the slices, p50 is the slices' median and p99
 * their worst.
 *
 *   node scripts/run-ts.js bench/gateway-throughput.bench.ts [seconds=10] [connections=50] [slices=5]
 */
import 'reflect-metadata';
import autocannon, { Result } from 'autocannon';
import Fastify from 'fastify';
import { performance } from 'node:perf_hooks';
import { startGatewayWithIntegration } from './support/gateway-under-test';
import { mainThreadCpuMs } from './support/thread-cpu';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = Number(process.argv[3] ?? 50);
const SLICES = Number(process.argv[4] ?? 5);
const TARGET = { acceptedPerSecond: 5_000, p99Ms: 50, ratio: 0.35 };
const ALERT = JSON.stringify({
  summary: 'CPU above 90% on FS01 for 5 minutes',
  severity: 'warning',
  source: 'rmm-bench',
  dedupKey: 'fs01-cpu',
  details: { host: 'FS01', cpu: 93.5, threshold: 90 },
});

interface Measured {
  ok: number;
  seconds: number;
  okPerSecond: number;
  p50: number;
  p99: number;
  refused: number;
  errors: number;
  /** Share of the time the main thread (the server's) was busy. */
  busy: number;
  /** CPU the main thread used, in ms (Linux). */
  cpuMs?: number;
}

async function load(url: string, seconds: number): Promise<Measured> {
  const before = performance.eventLoopUtilization();
  const cpuBefore = mainThreadCpuMs();
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
  const cpuAfter = mainThreadCpuMs();
  return {
    cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
    ok: result['2xx'],
    seconds: result.duration,
    okPerSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    refused: result.non2xx,
    errors: result.errors + result.timeouts,
    busy,
  };
}

function combined(slices: Measured[]): Measured {
  const sum = (pick: (slice: Measured) => number) => slices.reduce((total, slice) => total + pick(slice), 0);
  const p50s = slices.map((slice) => slice.p50).sort((a, b) => a - b);
  return {
    ok: sum((slice) => slice.ok),
    seconds: sum((slice) => slice.seconds),
    okPerSecond: sum((slice) => slice.ok) / sum((slice) => slice.seconds),
    p50: p50s[Math.floor(p50s.length / 2)],
    p99: Math.max(...slices.map((slice) => slice.p99)),
    refused: sum((slice) => slice.refused),
    errors: sum((slice) => slice.errors),
    busy: sum((slice) => slice.busy * slice.seconds) / sum((slice) => slice.seconds),
    cpuMs: slices.some((slice) => slice.cpuMs === undefined) ? undefined : sum((slice) => slice.cpuMs ?? 0),
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
    const bareSlices: Measured[] = [];
    const gatewaySlices: Measured[] = [];
    for (let slice = 0; slice < SLICES; slice++) {
      bareSlices.push(await load(bare.url, SECONDS / SLICES));
      gatewaySlices.push(await load(gateway.alertUrl, SECONDS / SLICES));
    }
    const [bareRun, gatewayRun] = [combined(bareSlices), combined(gatewaySlices)];
    const stored = (await gateway.alertsStored()) - storedBefore;
    const ratio = gatewayRun.okPerSecond / bareRun.okPerSecond;
    const pass =
      gatewayRun.okPerSecond >= TARGET.acceptedPerSecond &&
      gatewayRun.p99 < TARGET.p99Ms &&
      ratio >= TARGET.ratio &&
      gatewayRun.refused === 0;
    console.log(
      `POST one generic alert, ${CONNECTIONS} connections, ${SECONDS} s each in ${SLICES} alternating ` +
        `slices (load in a worker thread)`,
    );
    console.log(line('bare Fastify, 202', bareRun));
    console.log(line('gateway, accepted', gatewayRun));
    console.log(
      `  alerts stored in JetStream during the runs: ${stored.toLocaleString('en')} ` +
        `(accepted: ${gatewayRun.ok.toLocaleString('en')}, plus those in flight when a slice ended)`,
    );
    if (bareRun.cpuMs !== undefined && gatewayRun.cpuMs !== undefined) {
      const [bareUs, gatewayUs] = [
        (bareRun.cpuMs * 1000) / bareRun.ok,
        (gatewayRun.cpuMs * 1000) / gatewayRun.ok,
      ];
      console.log(
        `  server thread CPU per answer: bare ${bareUs.toFixed(0)} µs, gateway ${gatewayUs.toFixed(0)} µs ` +
          `(ratio ${(bareUs / gatewayUs).toFixed(2)}; what the rates would tend to where the server thread ` +
          `is the bottleneck, whatever else the machine runs)`,
      );
    }
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
