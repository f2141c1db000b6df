import {
  Commands,
  ConfigurationChanged,
  configurationChangedSubject,
  CreateEscalationPolicyCommand,
  MessageEnvelope,
  PoliciesByScheduleAnswer,
  PoliciesByScheduleQuery,
  Queries,
  ESCALATION_POLICY_RESOURCE,
  EscalationPolicyView,
  Streams,
} from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { schedule, team, user } from '../libs/escalation/domain/src/testing/escalation.fixtures';
import { AuditEntry, ISO_INSTANT, OrgProbe, UUID } from './support/directory-probe';

const ORG = 'escalation-msp';
const OTHER_ORG = 'other-escalation-msp';
const POLICIES = '/api/v1/escalation-policies';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const SCHEDULE_1 = '5c4e0c1a-0000-4000-8000-000000000001';
const SCHEDULE_2 = '5c4e0c1a-0000-4000-8000-000000000002';
const SCHEDULE_3 = '5c4e0c1a-0000-4000-8000-000000000003';

type PolicyEvent = MessageEnvelope<string, ConfigurationChanged<EscalationPolicyView>>;

describe('Escalation policies: admin-api and the escalation service', () => {
  const probe = stageForAll(() => OrgProbe.startIn('escalation', ORG, ['escalation']));
  const strangerToken = () => probe.platform.token(OTHER_ORG, 'manager', 'stranger');
  let alice: string;
  let bob: string;
  let strangerUser: string;

  beforeAll(async () => {
    alice = await addUser(probe.manager(), 'alice@msp.test');
    bob = await addUser(probe.manager(), 'bob@msp.test');
    strangerUser = await addUser(strangerToken(), 'eve@other.test');
  }, 60_000);

  const addUser = async (token: string, email: string) =>
    (
      await probe.call<{ id: string }>(token, 'POST', '/api/v1/users', 201, {
        email,
        name: email,
        role: 'technician',
      })
    ).id;
  const aPolicy = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    steps: [{ delayMinutes: 5, targets: [user(alice)] }],
    ...extra,
  });
  const create = (body: object, token = probe.manager()) =>
    probe.call<EscalationPolicyView>(token, 'POST', POLICIES, 201, body);
  const bus = () => probe.platform.service('admin-api').app.get(MessageBus);
  const context = (orgId: string) => ({ orgId, correlationId: 'escalation-e2e', causationId: null });

  it('creates, reads, replaces and deletes a policy with exact views, and publishes each change', async () => {
    const created = await create({
      name: '  Servers 24/7 ',
      description: 'Primary, then the seniors',
      repeatCount: 2,
      steps: [
        { delayMinutes: 5, targets: [user(alice.toUpperCase())] },
        { delayMinutes: 15, targets: [user(bob), user(probe.managerId)] },
      ],
    });
    expect(created).toEqual({
      id: UUID,
      orgId: ORG,
      name: 'Servers 24/7',
      description: 'Primary, then the seniors',
      repeatCount: 2,
      steps: [
        { delayMinutes: 5, targets: [user(alice)] },
        { delayMinutes: 15, targets: [user(bob), user(probe.managerId)] },
      ],
      version: 1,
      createdAt: ISO_INSTANT,
      updatedAt: ISO_INSTANT,
    });
    const path = `${POLICIES}/${created.id}`;
    expect(await probe.asManager('GET', path, 200)).toEqual(created);
    const list = await probe.asManager<{ items: EscalationPolicyView[] }>('GET', POLICIES, 200);
    expect(list.items).toContainEqual(created);

    const replacement = {
      name: 'Servers',
      steps: [{ delayMinutes: 10, targets: [user(bob)] }],
    };
    const replaced = await probe.asManager<EscalationPolicyView>('PUT', path, 200, {
      ...replacement,
      expectedVersion: 1,
    });
    expect(replaced).toEqual({
      ...created,
      ...replacement,
      description: '',
      repeatCount: 0,
      version: 2,
      updatedAt: ISO_INSTANT,
    });
    expect(await probe.asManager('GET', path, 200)).toEqual(replaced);
    // The same definition again (a retried request) changes nothing, even with the version it was sent with.
    expect(await probe.asManager('PUT', path, 200, { ...replacement, expectedVersion: 1 })).toEqual(replaced);

    await probe.asManager('DELETE', `${path}?expectedVersion=2`, 204);
    await probe.problemAsManager('GET', path, 404);
    await probe.problemAsManager('DELETE', path, 404);

    const actor = { kind: 'user', userId: probe.managerId, name: 'boss' };
    expect(await policyEvent('created', created.id)).toMatchObject({
      type: 'EscalationPolicyCreated',
      data: { resourceType: 'escalation-policy', resourceId: created.id, action: 'created', actor, before: null, after: created },
      metadata: { orgId: ORG, schemaVersion: 1, eventId: UUID, occurredAt: ISO_INSTANT },
    }); // prettier-ignore
    expect((await policyEvent('updated', created.id)).data).toEqual({
      resourceType: 'escalation-policy', resourceId: created.id, action: 'updated', actor, before: created, after: replaced,
    }); // prettier-ignore
    expect((await policyEvent('deleted', created.id)).data).toMatchObject({ before: replaced, after: null });
    const updates = await policyEvents('updated');
    expect(updates.filter((event) => event.data.resourceId === created.id)).toHaveLength(1);
    // admin-api audits configuration owned by other services from these events.
    const audit = await waitFor('three audit entries', async () => {
      const page = await probe.asManager<{ items: AuditEntry[] }>('GET', '/api/v1/audit-log?limit=200', 200);
      const entries = page.items.filter((entry) => entry.resourceId === created.id);
      return entries.length === 3 && entries;
    });
    expect(audit.map((entry) => [entry.action, entry.actor, entry.before, entry.after])).toEqual([
      ['escalation-policy.deleted', actor, replaced, null],
      ['escalation-policy.updated', actor, created, replaced],
      ['escalation-policy.created', actor, null, created],
    ]);
  });

  it('refuses a stale expectedVersion with 409, on replace and on delete, and keeps the policy as it was', async () => {
    const policy = await create(aPolicy('Stale'));
    const path = `${POLICIES}/${policy.id}`;
    const first = await probe.asManager<EscalationPolicyView>('PUT', path, 200, {
      ...aPolicy('Stale', { repeatCount: 1 }),
      expectedVersion: 1,
    });
    const refused = await probe.problemAsManager('PUT', path, 409, {
      ...aPolicy('Stale', { repeatCount: 3 }),
      expectedVersion: 1,
    });
    expect(refused).toMatchObject({ code: 'CONFLICT', detail: expect.stringContaining('version 2, not 1') });
    expect((await probe.problemAsManager('DELETE', `${path}?expectedVersion=1`, 409)).code).toBe('CONFLICT');
    expect(await probe.asManager('GET', path, 200)).toEqual(first);
  });

  describe('refuses a bad policy with 400 naming the nested field', () => {
    const step = (extra: Record<string, unknown>) => ({
      delayMinutes: 5,
      targets: [user(NO_SUCH_ID)],
      ...extra,
    });
    it.each<[string, Record<string, unknown>, string]>([
      ['a missing name', { name: undefined }, 'name'],
      ['a repeat count of 10', { repeatCount: 10 }, 'repeatCount'],
      ['no steps', { steps: [] }, 'steps'],
      ['a delay of 0 minutes on the second step', { steps: [step({}), step({ delayMinutes: 0 })] }, 'steps.1.delayMinutes'],
      ['a delay over a day', { steps: [step({ delayMinutes: 1441 })] }, 'steps.0.delayMinutes'],
      ['a step without targets', { steps: [step({ targets: [] })] }, 'steps.0.targets'],
      ['11 targets', { steps: [step({ targets: Array.from({ length: 11 }, () => user(NO_SUCH_ID)) })] }, 'steps.0.targets'],
      ['a target of an unknown type', { steps: [step({ targets: [{ type: 'group', id: NO_SUCH_ID }] })] }, 'steps.0.targets.0.type'],
      ['an unknown strategy', { steps: [step({ strategy: 'random' })] }, 'steps.0.strategy'],
      ['a target id that is not a UUID', { steps: [step({}), step({ targets: [schedule('primary')] })] }, 'steps.1.targets.0.id'],
      ['a target that is not an object', { steps: [step({ targets: ['alice'] })] }, 'steps.0.targets'],
      ['an unknown step field', { steps: [step({ delay: 5 })] }, 'steps.0.delay'],
      ['the same target twice in a step', { steps: [step({ targets: [user(NO_SUCH_ID), user(NO_SUCH_ID)] })] }, 'steps.0.targets.1'],
    ])('%s', async (_, change, field) => {
      const body = { ...aPolicy(`Refused ${field}`), ...change };
      const problem = await probe.problemAsManager('POST', POLICIES, 400, body, field);
      expect(problem.detail).toContain(field);
    }); // prettier-ignore

    it('also on replace, leaving the policy unchanged', async () => {
      const policy = await create(aPolicy('Replaced badly'));
      const path = `${POLICIES}/${policy.id}`;
      const badStep = { delayMinutes: 5, targets: [user(alice), user(alice)] };
      await probe.problemAsManager('PUT', path, 400, aPolicy('x', { steps: [badStep] }), 'steps.0.targets.1');
      await probe.problemAsManager(
        'PUT',
        path,
        400,
        { ...aPolicy('x'), expectedVersion: 0 },
        'expectedVersion',
      );
      expect(await probe.asManager('GET', path, 200)).toEqual(policy);
    });
  });

  it('refuses targets that are not active users of the organization, naming each target', async () => {
    const problem = await probe.problemAsManager(
      'POST',
      POLICIES,
      400,
      aPolicy('Foreign user', {
        steps: [
          { delayMinutes: 5, targets: [user(alice)] },
          { delayMinutes: 5, targets: [user(bob), user(strangerUser)] },
        ],
      }),
      'steps.1.targets.1.id',
    );
    expect(problem.errors).toEqual([
      {
        field: 'steps.1.targets.1.id',
        message: expect.stringContaining('not an active user of your organization'),
      },
    ]);
    const leaver = await addUser(probe.manager(), 'leaver@msp.test');
    await probe.asManager('POST', `/api/v1/users/${leaver}/deactivate`, 200);
    const steps = [{ delayMinutes: 5, targets: [user(leaver)] }];
    await probe.problemAsManager('POST', POLICIES, 400, aPolicy('Leaver', { steps }), 'steps.0.targets.0.id');
  });

  it('stores team targets and round-robin steps, and refuses a team that is not of the organization', async () => {
    const network = await probe.asManager<{ id: string }>('POST', '/api/v1/teams', 201, {
      name: 'Network',
    });
    const theirTeam = await probe.call<{ id: string }>(strangerToken(), 'POST', '/api/v1/teams', 201, {
      name: 'Theirs',
    });
    const steps = [
      { delayMinutes: 5, strategy: 'round-robin', targets: [team(network.id.toUpperCase()), user(alice)] },
      { delayMinutes: 5, strategy: 'all', targets: [team(network.id)] },
    ];
    const created = await create(aPolicy('Teams', { steps }));
    expect(created.steps).toEqual([
      { ...steps[0], targets: [team(network.id), steps[0].targets[1]] },
      { delayMinutes: 5, targets: [team(network.id)] },
    ]);
    const foreign = [{ delayMinutes: 5, targets: [user(alice), team(theirTeam.id)] }];
    const problem = await probe.problemAsManager(
      'POST',
      POLICIES,
      400,
      aPolicy('Foreign team', { steps: foreign }),
    );
    expect(problem.errors).toEqual([
      {
        field: 'steps.0.targets.1.id',
        message: expect.stringContaining('is not a team of your organization'),
      },
    ]);
  });

  it('refuses schedule targets with 503 while scheduling does not answer, saving nothing', async () => {
    const steps = [{ delayMinutes: 5, targets: [schedule(SCHEDULE_1)] }];
    const problem = await probe.problemAsManager(
      'POST',
      POLICIES,
      503,
      aPolicy('Needs scheduling', { steps }),
    );
    expect(problem).toMatchObject({
      code: 'SCHEDULING_UNAVAILABLE',
      detail: expect.stringContaining('the scheduling service is not answering'),
    });
    const list = await probe.asManager<{ items: EscalationPolicyView[] }>(
      'GET',
      `${POLICIES}?limit=200`,
      200,
    );
    expect(list.items.map((policy) => policy.name)).not.toContain('Needs scheduling');
  });

  it('answers 404 for another organization’s policy, on every route, and changes nothing', async () => {
    const policy = await create(aPolicy('Ours'));
    const path = `${POLICIES}/${policy.id}`;
    await probe.problem(strangerToken(), 'GET', path, 404);
    await probe.problem(strangerToken(), 'PUT', path, 404, {
      name: 'Hijacked',
      steps: [{ delayMinutes: 5, targets: [user(strangerUser)] }],
    });
    await probe.problem(strangerToken(), 'DELETE', path, 404);
    await probe.problemAsManager('GET', `${POLICIES}/${NO_SUCH_ID}`, 404);
    const theirs = await probe.call<{ items: unknown[] }>(strangerToken(), 'GET', POLICIES, 200);
    expect(JSON.stringify(theirs)).not.toContain(policy.id);
    expect(await probe.asManager('GET', path, 200)).toEqual(policy);
  });

  it('refuses a second policy of the same name, whatever the case, with 409', async () => {
    await create(aPolicy('Network'));
    expect((await probe.problemAsManager('POST', POLICIES, 409, aPolicy('NETWORK'))).code).toBe(
      'DUPLICATE_NAME',
    );
    const other = await create(aPolicy('Network 2'));
    const rename = await probe.problemAsManager('PUT', `${POLICIES}/${other.id}`, 409, aPolicy('network'));
    expect(rename.code).toBe('DUPLICATE_NAME');
  });

  it('lets a service use a policy of its organization only, and refuses to delete a policy in use', async () => {
    const policy = await create(aPolicy('In use'));
    const path = `${POLICIES}/${policy.id}`;
    const service = await probe.asManager<{ id: string }>('POST', '/api/v1/services', 201, {
      name: 'Firewalls',
      escalationPolicyId: policy.id,
    });
    const inUse = await probe.problemAsManager('DELETE', path, 409);
    expect(inUse).toMatchObject({ code: 'POLICY_IN_USE', detail: expect.stringContaining('"Firewalls"') });

    const theirSteps = [{ delayMinutes: 5, targets: [user(strangerUser)] }];
    const foreign = await create(aPolicy('Theirs', { steps: theirSteps }), strangerToken());
    for (const policyId of [foreign.id, NO_SUCH_ID]) {
      const refused = await probe.problemAsManager('POST', '/api/v1/services', 400,
        { name: `Refused ${policyId}`, escalationPolicyId: policyId }, 'escalationPolicyId'); // prettier-ignore
      expect(refused.detail).toContain('not an escalation policy of your organization');
    }
    await probe.problemAsManager('PATCH', `/api/v1/services/${service.id}`, 400,
      { escalationPolicyId: foreign.id }, 'escalationPolicyId'); // prettier-ignore

    await probe.asManager('PATCH', `/api/v1/services/${service.id}`, 200, {
      escalationPolicyId: null,
    });
    await probe.asManager('DELETE', path, 204);
  });

  it('answers which policies page each schedule, and at which steps, over the bus', async () => {
    // Straight to the escalation service: admin-api would (rightly) refuse schedule targets while scheduling
    // is not answering, and this checks escalation's own answer.
    const createOverBus = (orgId: string, name: string, steps: [number, string[]][]) =>
      bus().rpc.request<EscalationPolicyView, CreateEscalationPolicyCommand>(
        Commands.escalation.createPolicy,
        {
          actor: { userId: probe.managerId, name: 'boss', role: 'manager' },
          definition: {
            name,
            repeatCount: 0,
            steps: steps.map(([delayMinutes, schedules]) => ({
              delayMinutes,
              targets: [
                ...schedules.map((id) => ({ type: 'schedule' as const, id })),
                { type: 'user' as const, id: alice },
              ],
            })),
          },
        },
        context(orgId),
      );
    const night = await createOverBus(ORG, 'Night', [
      [5, [SCHEDULE_1]],
      [10, [SCHEDULE_2]],
      [15, [SCHEDULE_1]],
    ]);
    const day = await createOverBus(ORG, 'Day', [[5, [SCHEDULE_2, SCHEDULE_1]]]);
    await createOverBus(OTHER_ORG, 'Elsewhere', [[5, [SCHEDULE_1, SCHEDULE_3]]]);

    const answer = await bus().rpc.request<PoliciesByScheduleAnswer, PoliciesByScheduleQuery>(
      Queries.escalation.policiesBySchedule,
      { scheduleIds: [SCHEDULE_1, SCHEDULE_2, SCHEDULE_3] },
      context(ORG),
    );
    expect(answer).toEqual({
      [SCHEDULE_1]: [
        { policyId: day.id, name: 'Day', stepNumbers: [1] },
        { policyId: night.id, name: 'Night', stepNumbers: [1, 3] },
      ],
      [SCHEDULE_2]: [
        { policyId: day.id, name: 'Day', stepNumbers: [1] },
        { policyId: night.id, name: 'Night', stepNumbers: [2] },
      ],
      [SCHEDULE_3]: [],
    });
  });

  it('refuses an invalid definition sent straight to the escalation service, listing every problem', async () => {
    const refusal = bus().rpc.request(
      Commands.escalation.createPolicy,
      {
        actor: { userId: probe.managerId, name: 'boss', role: 'manager' },
        definition: {
          name: '',
          repeatCount: 0,
          steps: [{ delayMinutes: 5, targets: [user('x')] }],
        },
      },
      context(ORG),
    );
    await expect(refusal).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { errors: [expect.objectContaining({ field: 'name' }), expect.objectContaining({ field: 'steps[0].targets[0].id' })] },
    }); // prettier-ignore
  });

  it('lets technicians and owners read policies, and only managers change them', async () => {
    const policy = await create(aPolicy('Readable'));
    for (const role of ['technician', 'owner'] as const) {
      const token = probe.platform.token(ORG, role, `reader-${role}`);
      expect(await probe.call(token, 'GET', `${POLICIES}/${policy.id}`, 200)).toEqual(policy);
      await probe.problem(token, 'POST', POLICIES, 403, aPolicy(`By ${role}`));
      await probe.problem(token, 'DELETE', `${POLICIES}/${policy.id}`, 403);
    }
  });

  /** Waits for the ConfigurationChanged event `escalation-policy-<action>` about one policy on JetStream. */
  function policyEvent(action: string, policyId: string): Promise<PolicyEvent> {
    return waitFor(`escalation-policy-${action} event for ${policyId}`, async () =>
      (await policyEvents(action)).find((event) => event.data.resourceId === policyId),
    );
  }

  /** Every event on the (namespaced) subject of one policy action, oldest first. */
  function policyEvents(action: string): Promise<PolicyEvent[]> {
    const subject = configurationChangedSubject('escalation', ESCALATION_POLICY_RESOURCE, action);
    return probe.streamEvents<PolicyEvent>(Streams.escalation.name, subject);
  }
});
