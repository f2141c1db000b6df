import { Consumers, Streams } from '@oncall/contracts';
import { ServiceProcess, waitFor } from '@oncall/platform-testing';
import { ESCALATION_SCHEMA } from '../apps/escalation/src/escalation.service';
import {
  EscalationPlatform,
  JORDAN,
  MINUTE,
  MORGAN,
  PAGING_SERVICES,
  TAYLOR,
} from './support/escalation-platform';
import { stepsOf, storedPages } from './support/paging-watch';

const SECOND = 1_000;

/** Escalation's durable timers due by the test clock and not fired yet. */
const dueTimers = (esc: EscalationPlatform) =>
  esc.platform.withSchema(ESCALATION_SCHEMA, async (db) => {
    const [row]: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM timers WHERE due_at <= $1',
      [esc.clock.now()],
    );
    return row.n;
  });
const user = (id: string) => ({ type: 'user', id });

/** Escalation as a real process killed by pid mid-walk (two replicas and 1,000 walks: escalation-replicas.load-spec.ts). */
describe('Escalation durability (real services, test clock)', () => {
  describe('killed with a step due in 2 s', () => {
    let esc: EscalationPlatform;
    let child: ServiceProcess | undefined;
    const startEscalation = () => esc.platform.spawn('escalation', { LOG_LEVEL: 'warn' });

    beforeAll(async () => {
      esc = await EscalationPlatform.start('esckill', {
        services: PAGING_SERVICES.filter((name) => name !== 'escalation'),
      });
      child = await startEscalation();
      await esc.useNewPolicy([
        { delayMinutes: 1, targets: [user(TAYLOR.id)] },
        { delayMinutes: 1, targets: [user(JORDAN.id)] },
        { delayMinutes: 1, targets: [user(MORGAN.id)] },
      ]);
      // As before the engine was deployed: no durable consumer of incident events yet.
      await child?.stop('SIGTERM');
      const { bus } = esc;
      await bus.jsm.consumers.delete(bus.namespace.stream(Streams.incidents.name), bus.namespace.consumer(Consumers.escalationIncidents)); // prettier-ignore
      before = await esc.trigger('Opened before the engine was deployed');
      child = await startEscalation();
    }, 120_000);
    let before: { incidentId: string };
    afterAll(async () => {
      await child?.stop('SIGKILL');
      await esc.close();
    });

    it('fires that step once at restart, and the rest on time', async () => {
      const incident = await esc.trigger('Hypervisor host unreachable');
      const id = incident.incidentId;
      await esc.watch.waitForPages(id, 1);
      await esc.clock.fastForward(MINUTE - 2 * SECOND);
      expect(child!.child.pid).toBeGreaterThan(0);
      expect(await child!.stop('SIGKILL')).toBeNull();
      child = undefined;
      const whileDown = await esc.trigger('Opened while escalation was down');
      // With the engine down, step 2 falls due and its timer stays unfired: no replica took it over.
      const step2Due = Date.parse(incident.triggeredAt) + MINUTE;
      await waitFor('step 2 to fall due', () => esc.clock.now().getTime() > step2Due, {
        timeoutMs: 10 * SECOND,
      });
      expect(await dueTimers(esc)).toBeGreaterThanOrEqual(1);
      await esc.watch.caughtUp();
      expect(esc.watch.pagesFor(id)).toHaveLength(1);

      child = await startEscalation();
      await esc.watch.waitForPages(id, 2, 'page', 20_000);
      await esc.watch.waitForPages(whileDown.incidentId, 1);
      // Step 3 is due one minute after step 2 was due, not after it fired (late): a second past that, it pages.
      const step3Due = Date.parse(incident.triggeredAt) + 2 * MINUTE;
      await esc.clock.fastForward(step3Due + SECOND - esc.clock.now().getTime());
      await esc.watch.waitForPages(id, 3, 'page', 3 * SECOND);
      await esc.untilAtRest();
      const stored = (await storedPages(esc.bus)).filter((page) => page.incidentId === id);
      expect(stepsOf(stored)).toEqual([`L1C1:${TAYLOR.id}`, `L2C1:${JORDAN.id}`, `L3C1:${MORGAN.id}`]);
      expect(Date.parse(stored[2].requestedAt)).toBeGreaterThanOrEqual(step3Due);
      // The engine's first deployment does not replay the incidents of the past.
      expect(esc.watch.pagesFor(before.incidentId)).toEqual([]);
    }, 120_000);
  });
});
