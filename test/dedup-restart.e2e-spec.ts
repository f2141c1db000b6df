import { IncidentSummary } from '@oncall/contracts';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { IncidentStage } from './support/incident-stage';
import { PlatformHarness } from './support/platform-harness';

const ALERTS = 500;
const KEYS = 250; // two alerts per dedup key

describe('dedup-grouping stopped while alerts arrive, then started', () => {
  const stage = stageForAll(() => IncidentStage.start('deduprestart'));

  it(`processes all ${ALERTS} alerts once each: none lost, none doubled`, async () => {
    await stage.platform.stop('dedup-grouping');
    const accepted = await postAlerts(stage.platform, stage.demo.integrationKey);
    expect(accepted).toBe(ALERTS);

    await stage.platform.start('dedup-grouping');
    const token = stage.platform.token(stage.demo.orgId, 'manager');
    const incidents = await waitFor(
      `${KEYS} incidents holding ${ALERTS} alerts`,
      async () => {
        const all = await listAll(stage.platform, token);
        const alerts = all.reduce((sum, incident) => sum + incident.alertCount, 0);
        return all.length === KEYS && alerts === ALERTS ? all : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(new Set(incidents.map((incident) => incident.title)).size).toBe(KEYS);
    expect(incidents.every((incident) => incident.alertCount === 2)).toBe(true);

    // Repeats are counted in batches (AlertRepeated carries a count), never one event per repeat twice.
    const counts = await stage.platform.withSchema('incident_state', (dataSource) =>
      dataSource.query(
        `SELECT type, sum(COALESCE((data->>'count')::int, 1))::int AS alerts FROM events GROUP BY type ORDER BY type`,
      ),
    );
    expect(counts).toEqual([
      { type: 'AlertRepeated', alerts: ALERTS - KEYS },
      { type: 'IncidentTriggered', alerts: KEYS },
    ]);
  }, 120_000);
});

async function postAlerts(platform: PlatformHarness, key: string): Promise<number> {
  let accepted = 0;
  for (let round = 0; round < ALERTS / KEYS; round++) {
    const batch = Array.from({ length: KEYS }, (_, k) =>
      platform.postAlert(key, {
        summary: `Device ${k} offline`,
        severity: 'high',
        source: 'rmm',
        dedupKey: `dev-${k}`,
      }),
    );
    for (const response of await Promise.all(batch)) if (response.status === 202) accepted += 1;
  }
  return accepted;
}

async function listAll(platform: PlatformHarness, token: string): Promise<IncidentSummary[]> {
  const items: IncidentSummary[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const response = await platform.api(`/api/v1/incidents?limit=200${query}`, token);
    const page = (await response.json()) as { items: IncidentSummary[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
