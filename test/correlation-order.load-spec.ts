import { CanonicalAlert } from '@oncall/contracts';
import { stageForAll } from '@oncall/platform-testing';
import fc from 'fast-check';
import { IncidentStage } from './support/incident-stage';
import { PlatformHarness } from './support/platform-harness';
import { alertReceived, publishOnAlertStream } from './support/stream-alerts';

const KEYS = 500;
const ALERTS_PER_KEY = 20;
type Action = CanonicalAlert['action'];

interface IncidentOutcome {
  key: string;
  alerts: number;
  status: string;
}

/** What a strictly sequential correlator makes of each key's alerts (PagerDuty's dedup rules). */
function sequentialOutcome(actions: Map<string, Action[]>): IncidentOutcome[] {
  const outcome: IncidentOutcome[] = [];
  for (const [key, keyActions] of actions) {
    let open: IncidentOutcome | null = null;
    for (const action of keyActions) {
      if (action === 'trigger') {
        if (open) open.alerts++;
        else outcome.push((open = { key, alerts: 1, status: 'triggered' }));
      } else if (open && action === 'acknowledge') open.status = 'acknowledged';
      else if (open && action === 'resolve') {
        open.status = 'resolved';
        open = null;
      }
    }
  }
  return sorted(outcome);
}

function sorted(outcomes: IncidentOutcome[]): IncidentOutcome[] {
  return outcomes.sort(
    (a, b) => a.key.localeCompare(b.key) || a.alerts - b.alerts || a.status.localeCompare(b.status),
  );
}

describe('Correlation: per-key order with keys in parallel, over two replicas', () => {
  const stage = stageForAll(() =>
    IncidentStage.start('corrorder', { services: ['admin-api', 'dedup-grouping', 'incident-state'] }),
  );

  it(`${KEYS * ALERTS_PER_KEY} alerts over ${KEYS} keys, interleaved, make exactly the incidents a sequential run makes`, async () => {
    const integrationId = '5e7a1c2e-0d1f-4c55-9f0a-0000000000e1';
    // Each key: trigger, then a seeded mix of repeats, acknowledgements and resolves (triggers again after).
    const script = fc.sample(
      fc.array(fc.constantFrom<Action>('trigger', 'trigger', 'trigger', 'acknowledge', 'resolve'), {
        minLength: ALERTS_PER_KEY - 1,
        maxLength: ALERTS_PER_KEY - 1,
      }),
      { numRuns: KEYS, seed: 4711 },
    );
    const actions = new Map(script.map((tail, k) => [`key-${k}`, ['trigger' as Action, ...tail]]));
    const interleaved = fc.sample(
      fc.shuffledSubarray(
        [...actions.keys()].flatMap((key) => actions.get(key)!.map(() => key)),
        { minLength: KEYS * ALERTS_PER_KEY },
      ),
      { numRuns: 1, seed: 42 },
    )[0];

    const second = await stage.platform.startReplica('dedup-grouping');
    const startedAt = Date.now();
    const next = new Map<string, number>();
    // Publishes go out in order on one connection (the stream keeps that order) without waiting for each
    // ack; a window of acks is awaited every 500 messages.
    let window: Promise<void>[] = [];
    for (const [published, key] of interleaved.entries()) {
      const index = next.get(key) ?? 0;
      next.set(key, index + 1);
      const alert = {
        orgId: stage.demo.orgId,
        integrationId,
        serviceId: stage.demo.serviceId,
        dedupKey: key,
      };
      window.push(
        publishOnAlertStream(stage.bus, alertReceived({ ...alert, action: actions.get(key)![index] })),
      );
      if (window.length === 500) window = await Promise.all(window).then(() => []);
      // Half way through, one replica leaves: its partitions are handed over mid-stream.
      if (published + 1 === interleaved.length / 2) await second.close();
    }
    await Promise.all(window);

    console.log(`published in ${Date.now() - startedAt} ms`);
    const expected = sequentialOutcome(actions);
    const expectedAlerts = expected.reduce((sum, incident) => sum + incident.alerts, 0);
    // Until every alert is on an incident (or a deadline), then compare: a mismatch shows as a diff.
    let actual: IncidentOutcome[] = [];
    for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
      actual = await incidentOutcomes(stage.platform, stage.demo.orgId);
      const settled = actual.reduce((sum, incident) => sum + incident.alerts, 0) === expectedAlerts;
      if (settled && actual.length === expected.length) break;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    console.log(`correlated in ${Date.now() - startedAt} ms`);
    expect(actual).toEqual(expected);
  }, 180_000);
});

async function incidentOutcomes(platform: PlatformHarness, orgId: string): Promise<IncidentOutcome[]> {
  const rows: { key: string; alerts: number; status: string }[] = await platform.withSchema(
    'incident_state',
    (dataSource) =>
      dataSource.query(
        `SELECT state->'alerts'->0->>'dedupKey' AS key, alert_count AS alerts, status FROM incidents WHERE org_id = $1`,
        [orgId],
      ),
  );
  return sorted(rows.map((row) => ({ key: row.key, alerts: Number(row.alerts), status: row.status })));
}
