import fc from 'fast-check';
import { decideGrouping, OpenGroup } from './decide-grouping';
import { GroupableAlert, groupKeyOf, GroupingRule } from './grouping-rule';

const DEVICES = 50;
const STORM = 10_000;
const MINUTE_MS = 60_000;
const START = Date.parse('2027-03-02T10:00:00.000Z');

/** A small seeded generator: fast-check picks the seed, the storm is rebuilt from it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function storm(seed: number, spanMs: number): { alert: GroupableAlert; at: number }[] {
  const next = random(seed);
  return Array.from({ length: STORM }, (_, i) => {
    const device = Math.floor(next() * DEVICES);
    const alert = {
      alertId: `alert-${i}`,
      integrationId: 'int-rmm',
      labels: {},
      client: `client-${device % 3}`,
    };
    return { alert: { ...alert, device: `device-${device}` }, at: START + Math.floor(next() * spanMs) };
  }).sort((a, b) => a.at - b.at);
}

/** The correlator's loop: the group index, and which incident each alert landed in. */
function correlate(alerts: { alert: GroupableAlert; at: number }[], rule: GroupingRule) {
  const groups = new Map<string, OpenGroup>();
  const incidentOf = new Map<string, string>();
  const opened: { key: string; at: number }[] = [];
  for (const { alert, at } of alerts) {
    const key = groupKeyOf(alert, rule)!;
    const decision = decideGrouping(alert, groups.get(key) ?? null, new Date(at).toISOString(), rule);
    if (decision.kind === 'join-incident') incidentOf.set(alert.alertId, decision.incidentId);
    else if (decision.kind === 'open-group') {
      groups.set(key, decision.group);
      incidentOf.set(alert.alertId, decision.group.incidentId);
      opened.push({ key, at });
    } else throw new Error(`ungrouped: ${decision.reason}`);
  }
  return { incidentOf, opened };
}

describe('a storm grouped by device', () => {
  it(`${STORM} alerts across ${DEVICES} devices: at most ${DEVICES} incidents in any window, each alert in one`, () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 10 }),
        (seed, windowMinutes, windows) => {
          const rule: GroupingRule = { by: 'device', windowMinutes };
          const windowMs = windowMinutes * MINUTE_MS;
          const alerts = storm(seed, windows * windowMs);
          const { incidentOf, opened } = correlate(alerts, rule);

          expect(incidentOf.size).toBe(STORM);
          const incidents = new Set(incidentOf.values());
          expect(incidents.size).toBe(opened.length);
          for (const { at } of opened) {
            const inWindow = opened.filter((other) => other.at >= at && other.at < at + windowMs);
            expect(inWindow.length).toBeLessThanOrEqual(DEVICES);
          }
          expect(incidents.size).toBeLessThanOrEqual(DEVICES * (windows + 1));
        },
      ),
      { numRuns: 12 },
    );
  });
});
