import { Commands, Queries, RpcContext, ServiceRouting, ServiceRoutingQuery } from '@oncall/contracts';
import { MessageBus, RpcError } from '@oncall/platform-messaging';
import { connect, NatsConnection, Subscription } from 'nats';
import { stageForAll } from '@oncall/platform-testing';
import { DirectoryProbe } from './support/directory-probe';

const ORG = 'boundaries-msp';
const OTHER_ORG = 'other-boundaries-msp';
const POLICY_ID = '7d1f5c52-0000-4000-8000-000000000001';
/** Longer than admin-api may wait inside a transaction (2 s), shorter than the bus default (5 s). */
const SLOW_ANSWER_MS = 3_500;

/**
 * Where admin-api meets the bus: requests it answers take the organization from the request's context
 * only, and requests it sends while holding locks do not wait on a slow escalation service.
 */
describe('Directory: bus boundaries', () => {
  // No escalation service: a fake one below answers, too late.
  const probe = stageForAll(() => DirectoryProbe.start('dir-bus'));
  let nc: NatsConnection;
  let bus: MessageBus;
  let manager: string;
  let serviceId: string;
  const slowEscalation: Subscription[] = [];
  const pendingAnswers = new Set<NodeJS.Timeout>();

  beforeAll(async () => {
    nc = await connect({ servers: probe.platform.env.NATS_URL });
    bus = await probe.platform.connectBus();
    manager = probe.platform.token(ORG, 'manager', 'boss');
    serviceId = (
      await probe.call<{ id: string }>(manager, 'POST', '/api/v1/services', 201, { name: 'Firewalls' })
    ).id;
    for (const subject of [Queries.escalation.getPolicy, Commands.escalation.deletePolicy]) {
      const subscription = nc.subscribe(`${probe.platform.env.NATS_SUBJECT_PREFIX}.${subject}`, {
        callback: (_, message) => {
          const timer = setTimeout(() => {
            pendingAnswers.delete(timer);
            message.respond(JSON.stringify({ ok: true, data: { id: POLICY_ID, orgId: ORG } }));
          }, SLOW_ANSWER_MS);
          pendingAnswers.add(timer);
        },
      });
      slowEscalation.push(subscription);
    }
    await nc.flush();
  }, 30_000);
  afterAll(async () => {
    for (const timer of pendingAnswers) clearTimeout(timer);
    for (const subscription of slowEscalation) subscription.unsubscribe();
    await nc?.close();
    await bus?.close();
  });

  const context = (orgId: string | null): RpcContext => ({
    orgId,
    correlationId: 'bus-e2e',
    causationId: null,
  });
  const refusal = (request: Promise<unknown>) =>
    request.then(
      () => null,
      (error: unknown) => (error instanceof RpcError ? error.code : String(error)),
    );
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = Date.now();
    const result = await work();
    return [result, Date.now() - started];
  };

  describe('time-boxes requests to escalation made while holding locks at 2 s (503, nothing changed; escalation stood in by a slow responder)', () => {
    it('when a service is pointed at a policy', async () => {
      const path = `/api/v1/services/${serviceId}`;
      const [problem, elapsed] = await timed(() =>
        probe.problem(manager, 'PATCH', path, 503, { escalationPolicyId: POLICY_ID }),
      );
      expect(problem.code).toBe('ESCALATION_UNAVAILABLE');
      expect(elapsed).toBeLessThan(SLOW_ANSWER_MS - 500);
      expect(await probe.call(manager, 'GET', path, 200)).toMatchObject({ escalationPolicyId: null });
      expect((await probe.audit(manager, 'service', serviceId)).map((entry) => entry.action)).toEqual([
        'service.created',
      ]);
    });

    it('when a policy is deleted', async () => {
      const [problem, elapsed] = await timed(() =>
        probe.problem(manager, 'DELETE', `/api/v1/escalation-policies/${POLICY_ID}`, 503),
      );
      expect(problem.code).toBe('ESCALATION_UNAVAILABLE');
      expect(elapsed).toBeLessThan(SLOW_ANSWER_MS - 500);
    });
  });

  describe('answers service routing for the organization of the request context only', () => {
    const routing = (orgId: string | null, id = serviceId) =>
      bus.rpc.request<ServiceRouting, ServiceRoutingQuery>(
        Queries.directory.serviceRouting,
        { serviceId: id },
        context(orgId),
      );

    it('for its own organization', async () => {
      expect(await routing(ORG)).toMatchObject({ orgId: ORG, serviceId, name: 'Firewalls' });
    });

    it('refuses a request without an organization (FORBIDDEN), not found for another one', async () => {
      expect(await refusal(routing(null))).toBe('FORBIDDEN');
      expect(await refusal(routing(OTHER_ORG))).toBe('NOT_FOUND');
      expect(await refusal(routing(ORG, 'not-a-uuid'))).toBe('NOT_FOUND');
    });
  });
});
