import { PostgresEventStore, ProjectionRunner } from '@oncall/platform-event-store';
import { MessageBus } from '@oncall/platform-messaging';
import { createLogger } from '@oncall/platform-observability';
import { REPO_ROOT, waitFor } from '@oncall/platform-testing';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';
import { IncidentsProjection } from '../apps/incident-state/src/projections/incidents.projection';
import { rebuildReporting } from '../apps/reporting/src/projections/rebuild-reporting';
import { REPORT_TABLES } from '../apps/reporting/src/projections/reporting.projection';
import { GoldenPath, TAYLOR } from './support/golden-path';
import { addressesOf } from './support/notification-bus';
import { untilDeliveriesAtRest, untilPipelineAtRest } from './support/settled';
import { ALL_SERVICES } from './support/service-catalogue';

type Action = 'trigger' | 'acknowledge' | 'resolve';

const KEYS = 50;
const PER_KEY = 40;
const ALERTS = KEYS * PER_KEY;
const times = (n: number, action: Action): Action[] => Array.from({ length: n }, () => action);

/**
 * Each key: 20 triggers (one incident, 19 repeats), then one of five endings. Every key's first incident is
 * paged before any acknowledgement is sent, so which pages go out does not depend on timing. Fewer than
 * 100 incidents in all: each page is its own email (past 100 in a minute, the storm digest takes over).
 */
const ENDINGS: Action[][] = [
  ['acknowledge', ...times(19, 'trigger')],
  ['acknowledge', ...times(18, 'trigger'), 'resolve'],
  ['resolve', ...times(19, 'trigger')],
  times(20, 'trigger'),
  [...times(10, 'trigger'), 'acknowledge', 'resolve', ...times(8, 'trigger')],
];
const keyOf = (k: number) => `replica-key-${k}`;
const scriptOf = (k: number) => ({ first: times(20, 'trigger'), then: ENDINGS[k % ENDINGS.length] });

interface Outcome {
  key: string;
  alerts: number;
  status: string;
}

/** What one correlator applying each key's alerts in order makes of them (PagerDuty's dedup rules). */
function sequentialOutcome(): Outcome[] {
  const outcome: Outcome[] = [];
  for (let k = 0; k < KEYS; k++) {
    let open: Outcome | null = null;
    const { first, then } = scriptOf(k);
    for (const action of [...first, ...then]) {
      if (action === 'trigger') {
        if (open) open.alerts++;
        else outcome.push((open = { key: keyOf(k), alerts: 1, status: 'triggered' }));
      } else if (open && action === 'acknowledge') open.status = 'acknowledged';
      else if (open && action === 'resolve') [open.status, open] = ['resolved', null];
    }
  }
  return sorted(outcome);
}

const sorted = (outcomes: Outcome[]) =>
  outcomes.sort((a, b) => a.key.localeCompare(b.key) || a.alerts - b.alerts || a.status.localeCompare(b.status)); // prettier-ignore

/**
 * Issue 16's horizontal-scale proof: two processes of every backend service against one PostgreSQL and
 * NATS, on the real clock, a real SMTP server, 2,000 alerts through both gateway replicas.
 */
describe('Two replicas of every service (processes, real SMTP, real clock)', () => {
  let golden: GoldenPath;
  let bus: MessageBus;
  let startedAt: number;

  // Built once and run as the image runs them: 18 processes each transpiling the sources would take minutes.
  const built = join(REPO_ROOT, 'tmp', `two-replicas-${randomBytes(4).toString('hex')}`);

  beforeAll(async () => {
    startedAt = Date.now();
    const build = spawnSync(process.execPath, ['scripts/build-app.js', ...ALL_SERVICES, '--out-dir', built], { cwd: REPO_ROOT, encoding: 'utf8' }); // prettier-ignore
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    golden = await GoldenPath.start(
      'tworeplicas',
      { INTEGRATION_RATE_PER_SECOND: '100000', INTEGRATION_RATE_BURST: '100000', NOTIFY_DIGEST_THRESHOLD: '100', ACTION_LINK_SECRET: 'two-replicas-action-link-secret-0123456789' }, // prettier-ignore
      { replicas: 2, services: ALL_SERVICES, builtIn: built },
    );
    bus = await golden.platform.connectBus();
    console.log(`2 × ${ALL_SERVICES.length} service processes up and paging after ${seconds(startedAt)} s`);
  }, 600_000);
  afterAll(async () => {
    await bus?.close();
    await golden?.close();
    rmSync(built, { recursive: true, force: true });
  });

  it(`accounts for all ${ALERTS} alerts, doubles no incident, sends each page once, and projects as one replica does`, async () => {
    const gateways = golden.urls('ingestion-gateway');
    expect(gateways).toHaveLength(2);
    const trafficAt = Date.now();
    const served = await sendAll(golden, gateways, 'first');
    const firstIncidents = Array.from({ length: KEYS }, (_, k) => `${keyOf(k)} first;`);
    await waitFor('every first page', async () => (await pagesBySummary(golden)).size >= KEYS, { timeoutMs: 90_000, intervalMs: 250 }); // prettier-ignore
    const servedLater = await sendAll(golden, gateways, 'then');
    const trafficSeconds = seconds(trafficAt);

    const expected = sequentialOutcome();
    let actual: Outcome[] = [];
    await waitFor('every alert on its incident', async () => {
      actual = await incidentOutcomes(golden);
      return JSON.stringify(actual) === JSON.stringify(expected) || undefined;
    }, { timeoutMs: 90_000, intervalMs: 500 }).catch(() => undefined); // prettier-ignore
    expect(actual).toEqual(expected);
    const secondIncidents = expected.length - KEYS;
    await waitFor('every page', async () => sum(await pagesBySummary(golden)) >= expected.length, { timeoutMs: 60_000, intervalMs: 250 }); // prettier-ignore
    // A page sent twice would be on its way still: wait until nothing is (a reminder due minutes from
    // now is not a page of this run), then read the inbox. A delivery is sent once the server took it.
    await untilPipelineAtRest(golden.platform, bus);
    await untilDeliveriesAtRest(golden.platform, { notYetDueIsAtRest: true });
    const pages = await pagesBySummary(golden);
    const settledSeconds = seconds(trafficAt);

    // Every alert went through both gateways, was accepted, and is counted on exactly one incident.
    expect([...served, ...servedLater].reduce((total, n) => total + n, 0)).toBe(ALERTS);
    const triggers = expected.reduce((total, incident) => total + incident.alerts, 0);
    expect(actual.reduce((total, incident) => total + incident.alerts, 0)).toBe(triggers);
    // No incident doubled: one per key, plus one for each key that triggered again after a resolve.
    expect(new Set(actual.map((incident) => incident.key)).size).toBe(KEYS);
    const ids = await incidentIds(golden);
    expect(await correlatorDispositions(golden, ids)).toEqual({ alerts: ALERTS, incidents: expected.length });
    // Each page is one email, received once: one per incident, none twice, none missing.
    expect([...pages.values()].filter((count) => count !== 1)).toEqual([]);
    expect(pages.size).toBe(expected.length);
    for (const summary of firstIncidents) expect(pages.get(summary)).toBe(1);
    expect(await sentPageDeliveries(golden, ids)).toBe(expected.length);

    // Each projection, written live by two replicas, equals one runner's projection of the same events.
    const reported = await waitFor('reporting to count every incident', async () => {
      const [row] = await golden.platform.withSchema('reporting', (db) => db.query(`SELECT count(*)::int AS n, count(acknowledged_at)::int AS acked, count(resolved_at)::int AS resolved FROM report_incidents WHERE incident_id = ANY($1::uuid[])`, [ids])); // prettier-ignore
      return row.n === expected.length ? row : undefined;
    }, { timeoutMs: 30_000, intervalMs: 250 }); // prettier-ignore
    const incidents = await golden.platform.withSchema('incident_state', (db) => sameAfterRebuild(db, new IncidentsProjection().tables, rebuildIncidents)); // prettier-ignore
    const reporting = await golden.platform.withSchema('reporting', (db) => sameAfterRebuild(db, REPORT_TABLES, rebuildReporting)); // prettier-ignore
    expect(incidents.live).toEqual(incidents.rebuilt);
    expect(reporting.live).toEqual(reporting.rebuilt);

    const statuses = countBy(actual.map((incident) => incident.status));
    console.log(
      [
        `two replicas × ${ALL_SERVICES.length} services: ${ALERTS} alerts over ${KEYS} keys through ${gateways.length} gateways`,
        `  accepted ${served.concat(servedLater).reduce((t, n) => t + n, 0)} (202), sent in ${trafficSeconds} s, all settled ${settledSeconds} s after the first`, // prettier-ignore
        `  incidents ${actual.length} (${KEYS} first + ${secondIncidents} after a resolve): ${JSON.stringify(statuses)}`,
        `  alerts on incidents ${triggers} triggers + ${ALERTS - triggers} acknowledge/resolve events`,
        `  page emails ${sum(pages)} (distinct incidents ${pages.size}, any twice: ${[...pages.values()].some((n) => n > 1)})`, // prettier-ignore
        `  reporting incidents ${reported.n} (acknowledged ${reported.acked}, resolved ${reported.resolved})`, // prettier-ignore
        `  rows equal to a single-runner rebuild: incidents ${rowCount(incidents.live)}, reporting ${rowCount(reporting.live)}`, // prettier-ignore
        `  total ${seconds(startedAt)} s including start-up`,
      ].join('\n'),
    );
  }, 300_000);
});

/**
 * Sends each key's alerts of one phase in order (each waits for the 202 of the one before), alternating
 * gateways, all keys at once; answers the 202s per key. A phase's triggers carry `<key> <phase>;`, so the
 * page of each key's first incident and of the one opened after a resolve are told apart.
 */
function sendAll(golden: GoldenPath, gateways: string[], phase: 'first' | 'then'): Promise<number[]> {
  return Promise.all(
    Array.from({ length: KEYS }, async (_, k) => {
      let accepted = 0;
      const summary = `${keyOf(k)} ${phase === 'first' ? 'first' : 'again'};`;
      for (const [i, action] of scriptOf(k)[phase].entries()) {
        const gateway = gateways[(k + i) % gateways.length];
        const response = await fetch(`${gateway}/v1/alerts/generic/${golden.demo.integrationKey}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action, dedupKey: keyOf(k), summary, severity: 'critical', source: 'rmm' }),
        });
        if (response.status !== 202) throw new Error(`${keyOf(k)} #${i}: ${response.status} ${await response.text()}`); // prettier-ignore
        accepted++;
      }
      return accepted;
    }),
  );
}

const PAGE_SUBJECT = /^\[CRITICAL\] .*(replica-key-\d+ (?:first|again);)/;

/** Page emails to Taylor in the SMTP server's inbox, counted by the incident summary they name. */
async function pagesBySummary(golden: GoldenPath): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const raw of golden.smtp.received) {
    const mail = await simpleParser(raw);
    const summary = PAGE_SUBJECT.exec(mail.subject ?? '')?.[1];
    if (summary && addressesOf(mail).includes(TAYLOR.email))
      counts.set(summary, (counts.get(summary) ?? 0) + 1);
  }
  return counts;
}

async function incidentOutcomes(golden: GoldenPath): Promise<Outcome[]> {
  const rows: Outcome[] = await golden.platform.withSchema('incident_state', (db) =>
    db.query(
      `SELECT state->'alerts'->0->>'dedupKey' AS key, alert_count AS alerts, status FROM incidents
       WHERE org_id = $1 AND state->'alerts'->0->>'dedupKey' LIKE 'replica-key-%'`,
      [golden.demo.orgId],
    ),
  );
  return sorted(rows.map((row) => ({ key: row.key, alerts: Number(row.alerts), status: row.status })));
}

/** What the correlators stored: every alert once, on as many distinct incidents as expected. */
async function incidentIds(golden: GoldenPath): Promise<string[]> {
  const rows: { id: string }[] = await golden.platform.withSchema('incident_state', (db) =>
    db.query(`SELECT id FROM incidents WHERE state->'alerts'->0->>'dedupKey' LIKE 'replica-key-%'`),
  );
  return rows.map((row) => row.id);
}

async function correlatorDispositions(
  golden: GoldenPath,
  ids: string[],
): Promise<{ alerts: number; incidents: number }> {
  const [row] = await golden.platform.withSchema('dedup_grouping', (db) =>
    db.query(
      `SELECT count(*)::int AS alerts, count(DISTINCT incident_id)::int AS incidents FROM alert_history
       WHERE incident_id = ANY($1::text[])`,
      [ids],
    ),
  );
  return row;
}

async function sentPageDeliveries(golden: GoldenPath, ids: string[]): Promise<number> {
  const [row] = await golden.platform.withSchema(
    'notification',
    (db) =>
    db.query(`SELECT count(*)::int AS n FROM deliveries WHERE kind = 'page' AND status = 'sent' AND incident_id = ANY($1::text[])`, [ids]), // prettier-ignore
  );
  return row.n;
}

function rebuildIncidents(db: DataSource): Promise<number> {
  const store = new PostgresEventStore(db); // reads only: no outbox hook
  return new ProjectionRunner(
    db,
    store,
    new IncidentsProjection(),
    createLogger('rebuild', 'warn'),
  ).rebuild();
}

type Rows = Record<string, string[]>;

/** Every row of the tables as it stands (written live), then after one runner rebuilt them from the events. */
async function sameAfterRebuild(
  db: DataSource,
  tables: readonly string[],
  rebuild: (db: DataSource) => Promise<number>,
): Promise<{ live: Rows; rebuilt: Rows }> {
  const snapshot = async () => {
    const rows: Rows = {};
    for (const table of tables) {
      const found: { row: string }[] = await db.query(
        `SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`,
      );
      rows[table] = found.map((entry) => entry.row);
    }
    return rows;
  };
  const live = await snapshot();
  await rebuild(db);
  return { live, rebuilt: await snapshot() };
}

const sum = (counts: Map<string, number>) => [...counts.values()].reduce((total, n) => total + n, 0);
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
const rowCount = (rows: Rows) => Object.values(rows).reduce((total, table) => total + table.length, 0);
const countBy = (values: string[]) =>
  values.reduce<Record<string, number>>(
    (counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }),
    {},
  );
