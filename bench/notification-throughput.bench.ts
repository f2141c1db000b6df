/**
 * Emails handed to SMTP per second (issue 11 target: >= 200/s with 1,000 pending pages), against a real
 * SMTP server (smtp-server, in-process) and the running notification service.
 *
 *   1. sender: 1,000 page deliveries already planned and due (as the planner leaves them), sent by the
 *      service's sender: rate from the first email accepted to the last.
 *   2. end to end: 1,000 NotifyRequested published on the bus (200 people, 5 pages each, so no digest),
 *      consumed, planned and sent: rate from the first publish to the last email accepted.
 *
 *   node scripts/run-ts.js bench/notification-throughput.bench.ts [pages]
 */
import 'reflect-metadata';
import { PagedIncident } from '@oncall/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ADMIN_API_SCHEMA } from '../apps/admin-api/src/admin-api.service';
import { publishDirectoryState } from '../apps/admin-api/src/directory/state/directory-state.publisher';
import { insertDeliveries, NewDelivery } from '../apps/notification/src/delivery/delivery.store';
import { DeliverySender } from '../apps/notification/src/delivery/delivery-sender.worker';
import { recordPage } from '../apps/notification/src/pages/page.store';
import { fork } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';
import { pagedIncident, pageRequest, publishPage } from '../test/support/notification-bus';
import { PlatformHarness } from '../test/support/platform-harness';

const PAGES = Number(process.argv[2] ?? 1_000);
const PAGES_PER_PERSON = 5;
const WARM_UP = 100;
const ORG = 'bench-org';

async function main(): Promise<void> {
  const smtp = await startSmtpSink();
  const platform = await PlatformHarness.create('benchnotify');
  try {
    platform.configure({ SMTP_URL: smtp.url, LOG_LEVEL: 'warn' });
    await platform.start('admin-api', 'notification');
    const people = await addPeople(platform, PAGES / PAGES_PER_PERSON);
    const notification = platform.service('notification').app;

    // Warm-up (not measured): the first emails pay for compiling the rendering and MIME code.
    await planned(notification.get(DataSource), people, WARM_UP);
    await timeUntil(smtp, WARM_UP, () => notification.get(DeliverySender).poke());
    smtp.received = 0;
    const pending = await planned(notification.get(DataSource), people, PAGES);
    const cpu = process.cpuUsage();
    const sent = await timeUntil(smtp, PAGES, () => notification.get(DeliverySender).poke());
    const used = process.cpuUsage(cpu);
    report(`sender, ${PAGES} pending page deliveries`, PAGES, sent.firstToLast, `(queued in ${pending} ms)`);
    // The machine may be shared: what the service did per second of CPU it actually got.
    const cpuMs = (used.user + used.system) / 1000;
    const load = os.loadavg().map((average) => average.toFixed(1));
    console.log(`  ${Math.round(cpuMs)} ms of CPU in the service process = ${Math.round((PAGES / cpuMs) * 1000)} emails per CPU-second (load average ${load.join(' ')}, ${os.cpus().length} cores)`); // prettier-ignore

    smtp.received = 0;
    const bus = await platform.connectBus();
    const started = Date.now();
    const cpuAll = process.cpuUsage();
    const publishing = publishAll(bus, people);
    const endToEnd = await timeUntil(smtp, PAGES, () => undefined);
    await publishing;
    const usedAll = process.cpuUsage(cpuAll);
    report(`end to end, ${PAGES} NotifyRequested published`, PAGES, endToEnd.at - started, '');
    const allMs = (usedAll.user + usedAll.system) / 1000;
    console.log(`  ${Math.round(allMs)} ms of CPU in the process (publisher included) = ${Math.round((PAGES / allMs) * 1000)} pages per CPU-second`); // prettier-ignore
    await bus.close();
  } finally {
    await platform.close();
    smtp.close();
  }
}

interface SmtpSink {
  url: string;
  received: number;
  close(): void;
}

/** The SMTP server in a child process (bench/support/smtp-sink.ts), counting what it accepts. */
function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(join(__dirname, '..', 'scripts', 'run-ts.js'), [
    join(__dirname, 'support', 'smtp-sink.ts'),
  ]);
  const sink: SmtpSink = { url: '', received: 0, close: () => child.disconnect() };
  return new Promise((resolve) => {
    child.on('message', (message: { url?: string; received?: number }) => {
      sink.received += message.received ?? 0;
      if (message.url) resolve(Object.assign(sink, { url: message.url }));
    });
  });
}

/** People of one organization in the directory, published to the users copy notification keeps. */
async function addPeople(platform: PlatformHarness, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await platform.withSchema(ADMIN_API_SCHEMA, (db) =>
    db.transaction(async (tx) => {
      await tx.query(`INSERT INTO organizations (id, name) VALUES ($1, 'Bench MSP')`, [ORG]);
      await tx.query(
        `INSERT INTO users (id, org_id, email, name, role)
         SELECT id, $2, 'tech-' || n || '@bench.example', 'Tech ' || n, 'technician'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, n)`,
        [ids, ORG],
      );
      await publishDirectoryState(tx, ids.map((resourceId) => ({ resourceType: 'user' as const, orgId: ORG, resourceId })), new Date()); // prettier-ignore
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // the outbox relay and the copy
  return ids;
}

/** Pages and their due email deliveries, written as the planner writes them; answers the ms it took. */
async function planned(db: DataSource, people: string[], count: number): Promise<number> {
  const started = Date.now();
  const now = new Date();
  const deliveries: NewDelivery[] = [];
  await db.transaction(async (tx) => {
    for (let n = 0; n < count; n++) {
      const userId = people[n % people.length];
      const request = pageRequest({ orgId: ORG, incidentId: randomUUID(), userId, incident: facts(n) });
      await recordPage(tx, request, null, now);
      deliveries.push({ id: randomUUID(), idempotencyKey: `bench:${request.pageId}`, orgId: ORG, userId, kind: 'page', pageId: request.pageId, incidentId: request.incidentId, channel: 'email', address: `tech-${(n % people.length) + 1}@bench.example`, requestedAt: now.toISOString(), dueAt: now.toISOString(), status: 'ready' }); // prettier-ignore
    }
    await insertDeliveries(tx, deliveries, now);
  });
  return Date.now() - started;
}

async function publishAll(bus: Awaited<ReturnType<PlatformHarness['connectBus']>>, people: string[]) {
  for (let n = 0; n < PAGES; n++) {
    const userId = people[n % people.length];
    await publishPage(bus, pageRequest({ orgId: ORG, incidentId: randomUUID(), userId, urgency: 'low', incident: facts(n) })); // prettier-ignore
  }
}

function facts(n: number): PagedIncident {
  return pagedIncident({ title: `Host ${n} down`, alert: { summary: `Host ${n} down`, source: 'bench', device: `host-${n}`, details: { check: 'ping', n }, defend: null } }); // prettier-ignore
}

const DELIVERY_DEADLINE_MS = 300_000;

/** Waits for `count` messages; answers when the first and the last came, relative to each other. */
async function timeUntil(sink: SmtpSink, count: number, poke: () => void) {
  let first = 0;
  poke();
  const deadline = Date.now() + DELIVERY_DEADLINE_MS;
  for (;;) {
    if (Date.now() > deadline)
      throw new Error(`${sink.received}/${count} emails reached SMTP within ${DELIVERY_DEADLINE_MS} ms`);
    if (sink.received > 0 && first === 0) first = Date.now();
    if (sink.received >= count) return { firstToLast: Date.now() - first, at: Date.now() };
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function report(what: string, count: number, ms: number, extra: string): void {
  const perSecond = (count / Math.max(ms, 1)) * 1000;
  const verdict = perSecond >= 200 ? 'met' : 'NOT met'; // on the unrounded rate
  console.log(
    `${what}: ${count} emails accepted by SMTP in ${ms} ms = ${Math.round(perSecond)}/s (target >= 200/s: ${verdict}) ${extra}`.trim(),
  );
}

void main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
