import { waitFor } from '@oncall/platform-testing';
import { EscalationPlatform, JORDAN, TAYLOR } from './support/escalation-platform';
import { repeated, storedPages } from './support/paging-watch';

const INCIDENTS = 1_000;
const BATCH = 25;
const user = (id: string) => ({ type: 'user', id });

/**
 * Two escalation replicas share 1,000 walks (ADR 0145): both claim the same timer rows with SKIP LOCKED
 * and consume the same durable, and each step of each incident is paged exactly once, as ONCALL_ESCALATION
 * stores it. A load test: it runs alone, after the suite.
 */
describe('Escalation replicas (real services, test clock)', () => {
  let esc: EscalationPlatform;

  beforeAll(async () => {
    // The burst is the test's, not a client's: the gateway must not answer 429 to the thousand alerts.
    esc = await EscalationPlatform.start('escreplicas', { env: { INTEGRATION_RATE_BURST: '5000' } });
    const policy = await esc.createPolicy([
      { delayMinutes: 1, targets: [user(TAYLOR.id)] },
      { delayMinutes: 1, targets: [user(JORDAN.id)] },
    ]);
    await esc.useForDemoService(policy.id);
  }, 60_000);
  afterAll(() => esc.close());

  it('fires each step of each of 1,000 incidents exactly once with two replicas', async () => {
    const replica = await esc.platform.startReplica('escalation');
    try {
      const started = Date.now();
      for (let i = 0; i < INCIDENTS; i += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, INCIDENTS - i) }, (_, k) => i + k);
        const responses = await Promise.all(batch.map((n) => esc.platform.postAlert(esc.demo.integrationKey, { summary: `Replica test ${n}`, severity: 'high', source: 'rmm', dedupKey: `replica-${n}` }))); // prettier-ignore
        expect(responses.map((response) => response.status)).toEqual(batch.map(() => 202));
      }
      const count = (level: number | null) =>
        esc.watch.pages.filter((page) => page.request.level === level).length;
      // Says how far it got when it gives up.
      const until = (what: string, level: number | null, timeoutMs: number) =>
        waitFor(what, () => count(level) >= INCIDENTS, { timeoutMs, intervalMs: 200 }).catch((error) => {
          throw new Error(`${(error as Error).message}: ${count(level)} of ${INCIDENTS}`);
        });
      await until('every first step', 1, 240_000);
      const firstSteps = Date.now() - started;
      await esc.fastForward(1);
      await until('every second step', 2, 120_000);
      await esc.fastForward(1);
      await until('every manager page', null, 120_000);
      await esc.untilAtRest();

      const stored = await storedPages(esc.bus);
      expect(stored).toHaveLength(3 * INCIDENTS);
      expect(repeated(stored.map((page) => page.pageId))).toEqual({});
      expect(new Set(stored.map((page) => page.incidentId)).size).toBe(INCIDENTS);
      expect(repeated(esc.watch.pages.map((page) => page.request.pageId))).toEqual({});
      console.log(`${INCIDENTS} incidents: every first step paged ${firstSteps} ms after the first alert`);
    } finally {
      await replica.close();
    }
  }, 600_000);
});
