import { IncidentSummary } from '@oncall/contracts';
import { freePort, ServiceProcess, spawnService, waitFor } from '@oncall/platform-testing';
import { DemoOrganization } from '../apps/admin-api/src/seed/seed-demo';
import { PlatformHarness } from './support/platform-harness';
import { untilIncidentProjectionsCaughtUp } from './support/settled';

const DEVICES = 10;
const CRASH_TITLE = 'NAS offline again';
/** Before the crash: the NAS trigger and its resolve, two per device, the second NAS trigger. After: one each. */
const ALERTS = 1 + 1 + 2 * DEVICES + 1 + (1 + DEVICES);

/**
 * dedup-grouping as its own process, SIGKILLed right after it opened an incident for a key whose previous
 * incident it had resolved, with every alert it applied still ahead of its partition checkpoint; then
 * started again, so it reads them all again. The child (apps/dedup-grouping/src/testing/
 * crash-after-opening.child.ts) kills itself at that point and saves no checkpoint: the crash lands in the
 * window every time, not by chance.
 *
 * Before per-key applied sequences (ADR 0156), the replay went: the first trigger a repeat of the new
 * incident, the old resolve resolving the NEW incident, the second trigger claiming the freed key for that
 * resolved incident; the next repeat then opened a third NAS incident.
 */
describe('dedup-grouping SIGKILLed right after opening an incident, then replaying from its checkpoint', () => {
  let platform: PlatformHarness;
  let demo: DemoOrganization;
  let child: ServiceProcess | undefined;

  const post = async (dedupKey: string, summary: string, action = 'trigger') => {
    const body = { summary, severity: 'high', source: 'rmm', dedupKey, action };
    expect((await platform.postAlert(demo.integrationKey, body)).status).toBe(202);
  };
  const incidents = () => listAll(platform, platform.token(demo.orgId, 'manager'));
  const incidentTitled = (title: string, check: (incident: IncidentSummary) => boolean = () => true) =>
    waitFor(
      `incident "${title}"`,
      async () => (await incidents()).find((i) => i.title === title && check(i)),
      {
        timeoutMs: 30_000,
      },
    );
  const query = <T>(sql: string, schema = 'dedup_grouping') =>
    platform.withSchema(schema, (db) => db.query(sql) as Promise<T[]>);
  const historyRows = async () =>
    (await query<{ n: number }>('SELECT count(*)::int AS n FROM alert_history'))[0].n;

  beforeAll(async () => {
    platform = await PlatformHarness.create('dedupcrash');
    await platform.start('admin-api', 'ingestion-gateway', 'incident-state');
    demo = await platform.seedDemo();
    child = await spawnService('dedup-grouping', {
      main: 'apps/dedup-grouping/src/testing/crash-after-opening.child.ts',
      env: { ...platform.env, SIGKILL_AFTER_OPENING_TITLE: CRASH_TITLE },
      port: await freePort(),
      readyTimeoutMs: 60_000,
    });
  }, 120_000);

  afterAll(async () => {
    await child?.stop('SIGKILL');
    await platform.close();
  });

  it('opens no extra incident and counts every alert exactly once', async () => {
    const crashed = new Promise<NodeJS.Signals | null>((resolve) =>
      child!.child.once('exit', (_code, signal) => resolve(signal)),
    );
    await post('nas', 'NAS offline');
    await incidentTitled('NAS offline');
    for (let device = 0; device < DEVICES; device++) {
      await post(`dev-${device}`, `Device ${device} offline`);
      await post(`dev-${device}`, `Device ${device} offline`);
    }
    await post('nas', 'NAS back', 'resolve');
    await incidentTitled('NAS offline', (incident) => incident.status === 'resolved');
    await waitFor('every device alert counted', async () => {
      const devices = (await incidents()).filter((i) => i.title.startsWith('Device '));
      return devices.length === DEVICES && devices.every((i) => i.alertCount === 2) ? true : undefined;
    });
    const beforeCrash = ALERTS - 1 - (1 + DEVICES);
    await waitFor('the history of every alert so far written', async () => (await historyRows()) === beforeCrash ? true : undefined); // prettier-ignore
    await post('nas', CRASH_TITLE);
    expect(await withinSeconds(30, crashed, 'the correlator kills itself after opening the incident')).toBe(
      'SIGKILL',
    );
    child = undefined;

    // The crash came after incident-state opened the incident and before anything after it was recorded.
    const reopened = await incidentTitled(CRASH_TITLE);
    expect(await historyRows()).toBe(beforeCrash);
    expect(await query('SELECT sequence FROM partition_checkpoints WHERE sequence > 0')).toEqual([]);

    await platform.start('dedup-grouping');
    await post('nas', CRASH_TITLE);
    for (let device = 0; device < DEVICES; device++) await post(`dev-${device}`, `Device ${device} offline`);
    // Every alert, replayed or new, gets its history row once handled: then nothing is left to apply.
    await waitFor('every alert handled', async () => ((await historyRows()) === ALERTS ? true : undefined), {
      timeoutMs: 60_000,
    });
    await untilIncidentProjectionsCaughtUp(platform);

    const all = await incidents();
    const nas = all.filter((incident) => incident.title.startsWith('NAS'));
    expect(nas.map(({ title, status, alertCount }) => ({ title, status, alertCount })).sort(byTitle)).toEqual(
      [
        { title: 'NAS offline', status: 'resolved', alertCount: 1 },
        { title: CRASH_TITLE, status: 'triggered', alertCount: 2 },
      ],
    );
    expect(nas.find((incident) => incident.title === CRASH_TITLE)?.incidentId).toBe(reopened.incidentId);
    const devices = all.filter((incident) => incident.title.startsWith('Device '));
    expect(devices).toHaveLength(DEVICES);
    expect(devices.every((incident) => incident.alertCount === 3)).toBe(true);
    expect(all).toHaveLength(2 + DEVICES);

    const events = await query<{ type: string; alerts: number }>(
      `SELECT type, sum(COALESCE((data->>'count')::int, 1))::int AS alerts FROM events
       WHERE type IN ('IncidentTriggered', 'AlertRepeated', 'IncidentResolved') GROUP BY type ORDER BY type`,
      'incident_state',
    );
    expect(events).toEqual([
      { type: 'AlertRepeated', alerts: 1 + 2 * DEVICES },
      { type: 'IncidentResolved', alerts: 1 },
      { type: 'IncidentTriggered', alerts: 2 + DEVICES },
    ]);
    expect(await query('SELECT count(DISTINCT alert_id)::int AS n FROM alert_history')).toEqual([
      { n: ALERTS },
    ]);
    console.log(
      `dedup-crash-replay: killed after opening "${CRASH_TITLE}" with ${beforeCrash + 1} alerts applied and none checkpointed; ` +
        `after the replay ${all.length} incidents (${2 + DEVICES} expected), ${ALERTS} alerts each counted once`,
    );
  }, 180_000);
});

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);

async function listAll(platform: PlatformHarness, token: string): Promise<IncidentSummary[]> {
  const response = await platform.api('/api/v1/incidents?limit=200', token);
  return ((await response.json()) as { items: IncidentSummary[] }).items;
}

/** `promise`, or a failure naming what did not happen within `seconds`. */
function withinSeconds<T>(seconds: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
