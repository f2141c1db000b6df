/**
 * The alert path end to end: 30 s at 2,000 alerts/s (80% repeats of open keys, 20% new keys) over 50
 * organizations, through the gateway, the correlator and incident-state. Prints accepted/s, correlated/s,
 * the largest backlog (accepted but not yet on an incident), how long the backlog took to drain after the
 * last POST, p50/p99 from POST to the incident readable (a sample of new keys, read model polled every
 * 50 ms), and the lost and doubled counts. Then the CPU budget: machine CPU per alert and who spent it
 * (each service, PostgreSQL, NATS, this process), and how many cores the rate asked for would take at that
 * cost. Measured with a backlog, where batches are largest, that cost is the cheapest the path gets.
 *   node scripts/run-ts.js bench/alert-path-e2e.bench.ts [seconds] [alerts/s] [--in-process]
 * The gateway, dedup-grouping and incident-state run as processes of their own, as `npm start` and a
 * deployment run them; admin-api (not on the alert path) and the load generator share this process. With
 * `--in-process` every service runs in this one process, as the test harness runs them: a floor, not a
 * deployment's figure (one event loop and one core for everything).
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { freePort, ServiceProcess, spawnService } from '@oncall/platform-testing';
import { serviceWithGenericIntegration } from '../test/support/intake-fixtures';
import { PlatformHarness } from '../test/support/platform-harness';
import { countAlertsApplied } from './support/alerts-applied';
import { untilGatewayKnows } from './support/gateway-keys';
import { HttpPoster } from './support/http-poster';
import { availableParallelism } from 'node:os';
import { commandCpuMs, machineBusyCpuMs, processCpuMs } from './support/thread-cpu';

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const SECONDS = Number(positional[0] ?? 30);
const RATE = Number(positional[1] ?? 2_000);
const IN_PROCESS = process.argv.includes('--in-process');
const ALERT_PATH = ['ingestion-gateway', 'dedup-grouping', 'incident-state'] as const;
const ORGS = 50;
const NEW_KEY_SHARE = 0.2;
const SAMPLE_EVERY = 10; // every 10th new key is timed to readable
const MAX_IN_FLIGHT = 128; // open connections the load generator allows itself
const POST_TIMEOUT_MS = 30_000;
const DRAIN_DEADLINE_MS = 120_000;
const TARGET = { drainedWithinMs: 5_000, p99Ms: 1_000 };

interface Org {
  orgId: string;
  key: string;
  openKeys: string[];
}

async function main(): Promise<void> {
  const platform = await PlatformHarness.create('benche2e');
  platform.configure({ INTEGRATION_RATE_PER_SECOND: '1000', INTEGRATION_RATE_BURST: '2000' });
  const children: ServiceProcess[] = [];
  try {
    await platform.start('admin-api');
    let gateway: string;
    if (IN_PROCESS) {
      await platform.start(...ALERT_PATH);
      gateway = platform.url('ingestion-gateway');
    } else {
      for (const name of ALERT_PATH) {
        children.push(await spawnService(name, { env: platform.env, port: await freePort() }));
      }
      gateway = children[0].url;
    }
    console.log(`alert path: ${IN_PROCESS ? 'every service in this process' : 'one process per service'}`);
    const orgs = await Promise.all(
      Array.from({ length: ORGS }, (_, i) => organization(platform, gateway, i)),
    );
    await platform.withSchema('incident_state', (db) => run(gateway, db, orgs, children));
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await platform.close();
  }
}

async function run(gateway: string, db: DataSource, orgs: Org[], children: ServiceProcess[]): Promise<void> {
  const sampled = new Map<string, number>(); // title → POST time
  const readable: number[] = [];
  let accepted = 0;
  let refused = 0;
  let newKeys = 0;
  let maxBacklog = 0;

  const tracker = setInterval(() => void track(), 50);
  let tracking = false;
  async function track(): Promise<void> {
    if (tracking || sampled.size === 0) return;
    tracking = true;
    try {
      const titles = [...sampled.keys()];
      const rows: { title: string }[] = await db.query('SELECT title FROM incidents WHERE title = ANY($1)', [
        titles,
      ]);
      const now = Date.now();
      for (const { title } of rows) {
        readable.push(now - sampled.get(title)!);
        sampled.delete(title);
      }
    } finally {
      tracking = false;
    }
  }

  const backlogProbe = setInterval(() => {
    void alertsApplied(db).then((applied) => {
      maxBacklog = Math.max(maxBacklog, accepted - applied);
    });
  }, 500);

  const cpuAtStart = cpuSpent(children);
  const started = Date.now();
  const total = SECONDS * RATE;
  const inFlight = new Set<Promise<void>>();
  const poster = new HttpPoster(MAX_IN_FLIGHT);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const org = orgs[i % ORGS];
    const isNew = org.openKeys.length === 0 || Math.random() < NEW_KEY_SHARE;
    let dedupKey: string;
    if (isNew) {
      dedupKey = `k-${newKeys++}`;
      org.openKeys.push(dedupKey);
    } else {
      dedupKey = org.openKeys[Math.floor(Math.random() * org.openKeys.length)];
    }
    // Repeats carry the same summary: with 128 POSTs in flight a repeat may reach the gateway before the
    // key's first alert, and then it opens the incident (whose title is the first alert's summary).
    const summary = `Problem ${dedupKey}`;
    const timed = isNew && newKeys % SAMPLE_EVERY === 0;
    const posted = Date.now();
    const sent = poster
      .post(
        `${gateway}/v1/alerts/generic/${org.key}`,
        JSON.stringify({ summary, severity: 'high', source: 'rmm', dedupKey }),
        // Every wait of the load loop is bounded: a POST unanswered in time counts as refused.
        POST_TIMEOUT_MS,
      )
      .then(
        (status) => {
          if (status === 202) {
            accepted++;
            if (timed) sampled.set(summary, posted);
          } else refused++;
        },
        () => void refused++,
      );
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
  }
  await Promise.all(inFlight);
  poster.close();
  const postingEnded = Date.now();
  const sendSeconds = (postingEnded - started) / 1000;

  const deadline = Date.now() + DRAIN_DEADLINE_MS;
  while ((await alertsApplied(db)) < accepted && Date.now() < deadline) await sleep(100);
  const applied = await alertsApplied(db);
  const drained = applied >= accepted;
  const drainedAfter = Date.now() - postingEnded;
  while (sampled.size > 0 && Date.now() < deadline) await sleep(50);
  clearInterval(tracker);
  clearInterval(backlogProbe);
  const cpuPerAlert = cpuBudget(cpuAtStart, cpuSpent(children), accepted);

  const incidentsOpened = async () =>
    ((await db.query(`SELECT count(*)::int AS n FROM incidents WHERE title LIKE 'Problem %'`)) as { n: number }[])[0].n; // prettier-ignore
  while ((await incidentsOpened()) < newKeys && Date.now() < deadline) await sleep(100);
  const [incidentRows]: { incidents: number; keys: number }[] = await db.query(
    `SELECT count(*)::int AS incidents, count(DISTINCT (org_id, title))::int AS keys FROM incidents WHERE title LIKE 'Problem %'`,
  );
  readable.sort((a, b) => a - b);
  const pct = (p: number) => readable[Math.min(readable.length - 1, Math.floor((p / 100) * readable.length))];
  console.log(
    `${total} alerts over ${ORGS} organizations at ${RATE}/s for ${SECONDS} s (${newKeys} new keys)`,
  );
  console.log(`accepted ${accepted} (${(accepted / sendSeconds).toFixed(0)}/s), refused ${refused}`);
  console.log(
    `correlated ${applied} (${(applied / ((Date.now() - started) / 1000)).toFixed(0)}/s overall), largest backlog ${maxBacklog}, ${drained ? 'drained' : 'NOT drained'} ${drainedAfter} ms after the last POST`,
  );
  console.log(
    `POST → incident readable (${readable.length} sampled new keys): p50 ${pct(50)} ms, p99 ${pct(99)} ms`,
  );
  console.log(
    `lost ${Math.max(0, accepted - applied)}, doubled alerts ${Math.max(0, applied - accepted)}, incidents ${incidentRows.incidents} for ${newKeys} new keys (doubled incidents ${incidentRows.incidents - incidentRows.keys})`,
  );
  // Unlike the rates, hardly moved by what else the machine runs: the figures to compare changes with.
  console.log(`CPU per accepted alert (user + system, load to drained): ${cpuPerAlert.text}`);
  console.log(
    `at ${RATE}/s the machine would need ${((cpuPerAlert.machineUs * RATE) / 1e6).toFixed(1)} cores; it has ${availableParallelism()}`,
  );
  // On the unrounded figures; a sample never read counts against p99 (it is missing from `readable`).
  const p99 = readable.length > 0 && sampled.size === 0 ? pct(99) : Number.POSITIVE_INFINITY;
  const pass =
    drained &&
    drainedAfter <= TARGET.drainedWithinMs &&
    p99 < TARGET.p99Ms &&
    applied === accepted &&
    refused === 0 &&
    incidentRows.incidents === incidentRows.keys &&
    incidentRows.keys === newKeys;
  console.log(
    `target: drained within ${TARGET.drainedWithinMs} ms, p99 < ${TARGET.p99Ms} ms, zero lost, zero doubled: ${pass ? 'PASS' : 'FAIL'}` +
      (sampled.size > 0 ? ` (${sampled.size} sampled new keys never became readable)` : ''),
  );
}

/** CPU time (ms) spent so far on the machine, and by each part that shares it. */
function cpuSpent(children: ServiceProcess[]): Map<string, number> {
  const spent = new Map<string, number>([['machine', machineBusyCpuMs() ?? NaN]]);
  for (const child of children) spent.set(child.name, processCpuMs(child.child.pid!) ?? NaN);
  spent.set('postgres', commandCpuMs('postgres'));
  spent.set('nats-server', commandCpuMs('nats-server'));
  const self = IN_PROCESS ? 'this process (every service, load)' : 'this process (load, admin-api, probes)';
  spent.set(self, processCpuMs(process.pid) ?? NaN);
  return spent;
}

/** µs per alert of the machine and of each part between two `cpuSpent` readings; the rest is "other". */
function cpuBudget(before: Map<string, number>, after: Map<string, number>, alerts: number) {
  const perAlert = (name: string) =>
    (((after.get(name) ?? NaN) - (before.get(name) ?? NaN)) * 1000) / Math.max(alerts, 1);
  const machineUs = perAlert('machine');
  const parts = [...after.keys()]
    .filter((name) => name !== 'machine')
    .map((name) => [name, perAlert(name)] as const);
  const other = machineUs - parts.reduce((sum, [, us]) => sum + us, 0);
  const text = `machine ${machineUs.toFixed(0)} µs = ${parts.map(([name, us]) => `${name} ${us.toFixed(0)}`).join(', ')}, other ${other.toFixed(0)}`;
  return { machineUs, text };
}

async function organization(platform: PlatformHarness, gateway: string, index: number): Promise<Org> {
  const orgId = `bench-org-${index}`;
  const manager = platform.token(orgId, 'manager');
  const { key } = await serviceWithGenericIntegration(platform, manager, `Servers ${index}`);
  await untilGatewayKnows(gateway, key);
  return { orgId, key, openKeys: [] };
}

function alertsApplied(db: DataSource): Promise<number> {
  return countAlertsApplied((sql) => db.query(sql));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

void main();
