/**
 * 10,000 pending escalation timers (step 2 of as many incidents), due spread over a window or all at once,
 * fired by the escalation service: fired/s, and lateness from each timer's due time to its NotifyRequested
 * seen on the bus (claim, decide, outbox, relay). Issue 10 target: p99 lateness < 1 s.
 *
 *   node scripts/run-ts.js bench/escalation-timers.bench.ts [timers] [spreadSeconds] [replicas] [loops] [batch]
 */
import 'reflect-metadata';
import { decideAndEvolve, EscalationTimer, PolicySnapshot } from '@oncall/escalation-domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ESCALATION_SCHEMA } from '../apps/escalation/src/escalation.service';
import { pagedIncident } from '../test/support/notification-bus';
import { PagingWatch } from '../test/support/paging-watch';
import { PlatformHarness } from '../test/support/platform-harness';
import { DEMO_USERS } from '../apps/admin-api/src/seed/seed-demo';

const TIMERS = Number(process.argv[2] ?? 10_000);
const SPREAD_S = Number(process.argv[3] ?? 60);
const REPLICAS = Number(process.argv[4] ?? 1);
const LOOPS = process.argv[5] ?? '4';
const BATCH = process.argv[6] ?? '20';
const LEAD_MS = 20_000;
const [, TAYLOR, JORDAN] = DEMO_USERS;

const POLICY: PolicySnapshot = {
  id: randomUUID(),
  version: 1,
  name: 'Bench',
  repeatCount: 0,
  steps: [1, 2].map((level) => ({
    level,
    // Step 2's delay keeps the unanswered timers it sets out of the measurement.
    delayMinutes: level === 1 ? 1 : 600,
    strategy: 'all' as const,
    targets: [{ type: 'user' as const, id: level === 1 ? TAYLOR.id : JORDAN.id }],
  })),
};

async function main(): Promise<void> {
  const platform = await PlatformHarness.create('benchtimers');
  try {
    platform.configure({ ESCALATION_TIMER_LOOPS: LOOPS, ESCALATION_TIMER_BATCH: BATCH });
    await platform.start('admin-api', 'escalation');
    const demo = await platform.seedDemo();
    for (let i = 1; i < REPLICAS; i++) await platform.startReplica('escalation');
    const bus = await platform.connectBus();
    const watch = await PagingWatch.start(bus);
    const firstDue = Date.now() + LEAD_MS;
    const dueOf = new Map<string, number>();
    await platform.withSchema(ESCALATION_SCHEMA, (dataSource) =>
      seed(dataSource, demo.orgId, firstDue, dueOf),
    );
    console.log(`${TIMERS} timers pending, due over ${SPREAD_S} s from ${new Date(firstDue).toISOString()}`);
    const deadline = firstDue + SPREAD_S * 1000 + 300_000;
    const fired = () => watch.pages.filter((page) => page.request.level === 2);
    while (fired().length < TIMERS && Date.now() < deadline) await sleep(100);
    const pages = fired();
    const lateness = pages.map((page) => page.receivedAt - dueOf.get(page.request.incidentId)!);
    lateness.sort((a, b) => a - b);
    const at = (p: number) =>
      lateness[Math.min(lateness.length - 1, Math.ceil((p / 100) * lateness.length) - 1)];
    const received = pages.map((page) => page.receivedAt);
    const seconds = (Math.max(...received) - Math.max(firstDue, Math.min(...received))) / 1000;
    console.log(`  paged ${watch.pages.length}/${TIMERS} (replicas: ${REPLICAS})`);
    console.log(
      `  fired ${(watch.pages.length / Math.max(seconds, 0.001)).toFixed(0)}/s over ${seconds.toFixed(1)} s`,
    );
    console.log(`  lateness due -> NotifyRequested: p50 ${at(50)} ms, p99 ${at(99)} ms, max ${lateness[lateness.length - 1]} ms (target p99 < 1000 ms: ${at(99) < 1000 ? 'met' : 'NOT met'})`); // prettier-ignore
    await watch.stop();
    await bus.close();
  } finally {
    await platform.close();
  }
}

/** Incidents whose first step paged a minute before their timer is due, as the engine leaves them. */
async function seed(dataSource: DataSource, orgId: string, firstDue: number, dueOf: Map<string, number>) {
  const lookup = {
    activeUser: (id: string) => ({ id }),
    teamMembers: () => null,
    teamScheduleId: () => null,
    whoIsOnCall: () => null,
  };
  for (let start = 0; start < TIMERS; start += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, TIMERS - start) }, (_, k) => {
      const due = firstDue + Math.floor(((start + k) / TIMERS) * SPREAD_S * 1000);
      const incidentId = randomUUID();
      dueOf.set(incidentId, due);
      const { state, decisions } = decideAndEvolve(
        {
          type: 'Triggered',
          incidentId,
          orgId,
          at: new Date(due - 60_000).toISOString(),
          incidentVersion: 1,
          policy: POLICY,
          severity: 'critical',
          urgencyRule: { kind: 'constant', urgency: 'high' },
          timeouts: { ackTimeoutSeconds: null, autoResolveSeconds: null },
        },
        { phase: 'none' },
        { lookup, roundRobinOffset: () => 0 },
      );
      const timer = decisions.flatMap((decision) =>
        decision.kind === 'schedule' ? [decision.timer] : [],
      )[0];
      return { incidentId, state, timer: timer as EscalationTimer };
    });
    await dataSource.query(
      `INSERT INTO escalation_processes (incident_id, org_id, state, incident)
       SELECT id, $1, state, $4 FROM unnest($2::text[], $3::jsonb[]) AS r(id, state)`,
      [orgId, rows.map((row) => row.incidentId), rows.map((row) => JSON.stringify(row.state)), JSON.stringify(pagedIncident())],
    ); // prettier-ignore
    await dataSource.query(
      `INSERT INTO timers (kind, key, org_id, group_key, due_at, payload)
       SELECT 'StepDue', id, $1, id, due, payload FROM unnest($2::text[], $3::timestamptz[], $4::jsonb[]) AS r(id, due, payload)`,
      [orgId, rows.map((row) => row.incidentId), rows.map((row) => row.timer.due), rows.map((row) => JSON.stringify(row.timer))],
    ); // prettier-ignore
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

void main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
