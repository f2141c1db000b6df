import { Queries, ServiceRouting, ServiceRoutingQuery } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { stageForAll } from '@oncall/platform-testing';
import type { ServiceView as Service } from '../apps/admin-api/src/directory/services/service.view';
import { ISO_INSTANT, OrgProbe, UUID } from './support/directory-probe';
import { BUSINESS_HOURS } from '../libs/escalation/domain/src/testing/escalation.fixtures';

const ORG = 'services-msp';
/** The business-hours rule with its days listed out of order (the API answers them sorted). */
const SUPPORT_HOURS = { ...BUSINESS_HOURS, days: [5, 1, 2, 3, 4] };

describe('Directory: services', () => {
  // Services name their escalation policy; admin-api asks the escalation service that it exists.
  const probe = stageForAll(() => OrgProbe.startIn('dir-services', ORG, ['escalation']));
  let clientId: string;
  let teamId: string;
  let foreignClientId: string;
  let policyId: string;

  beforeAll(async () => {
    policyId = (
      await probe.asManager<{ id: string }>('POST', '/api/v1/escalation-policies', 201, {
        name: 'Boss only',
        steps: [{ delayMinutes: 5, targets: [{ type: 'user', id: probe.managerId }] }],
      })
    ).id;
    clientId = (await probe.asManager<{ id: string }>('POST', '/api/v1/clients', 201, { name: 'Acme' })).id;
    teamId = (await probe.asManager<{ id: string }>('POST', '/api/v1/teams', 201, { name: 'NOC' })).id;
    const stranger = probe.platform.token('other-msp', 'manager', 'stranger');
    foreignClientId = (
      await probe.call<{ id: string }>(stranger, 'POST', '/api/v1/clients', 201, { name: 'X' })
    ).id;
  }, 30_000);

  const addService = (name: string, extra: Record<string, unknown> = {}) =>
    probe.asManager<Service>('POST', '/api/v1/services', 201, { name, ...extra });
  const routingOf = (serviceId: string) =>
    probe.platform
      .service('admin-api')
      .app.get(MessageBus)
      .rpc.request<ServiceRouting, ServiceRoutingQuery>(
        Queries.directory.serviceRouting,
        { serviceId },
        { orgId: ORG, correlationId: 'test', causationId: null },
      );

  it('creates, reads, updates and deletes a service; audit and events record each change', async () => {
    const created = await addService('Client servers', {
      description: 'Acme file servers',
      clientId,
      teamId,
      escalationPolicyId: policyId,
      urgencyRule: SUPPORT_HOURS,
      ticketMode: 'on-trigger',
      ackTimeoutSeconds: 1800,
    });
    expect(created).toEqual({
      id: UUID,
      name: 'Client servers',
      description: 'Acme file servers',
      clientId,
      teamId,
      escalationPolicyId: policyId,
      urgencyRule: { ...SUPPORT_HOURS, days: [1, 2, 3, 4, 5] },
      ticketMode: 'on-trigger',
      grouping: null,
      ackTimeoutSeconds: 1800,
      autoResolveSeconds: null,
      createdAt: ISO_INSTANT,
      updatedAt: ISO_INSTANT,
    });
    expect(await probe.asManager('GET', `/api/v1/services/${created.id}`, 200)).toEqual(created);

    const change = {
      clientId: null,
      escalationPolicyId: null,
      urgencyRule: { kind: 'severity-based' },
      ticketMode: 'never',
      ackTimeoutSeconds: null,
      autoResolveSeconds: 4 * 3600,
    };
    const updated = await probe.asManager<Service>('PATCH', `/api/v1/services/${created.id}`, 200, change);
    expect(updated).toEqual({ ...created, ...change, updatedAt: ISO_INSTANT });

    await probe.asManager('DELETE', `/api/v1/services/${created.id}`, 204);
    await probe.problemAsManager('GET', `/api/v1/services/${created.id}`, 404);

    const [deleted, update, creation] = await probe.audit(probe.manager(), 'service', created.id);
    expect(update).toEqual({
      id: expect.any(String),
      at: ISO_INSTANT,
      actor: { kind: 'user', userId: UUID, name: 'boss' },
      action: 'service.updated',
      resourceType: 'service',
      resourceId: created.id,
      before: created,
      after: updated,
      correlationId: expect.any(String),
    });
    expect([creation.action, creation.after, deleted.action, deleted.before, deleted.after]).toEqual([
      'service.created',
      created,
      'service.deleted',
      updated,
      null,
    ]);
    expect((await probe.event('service', 'created', created.id)).data.after).toEqual(created);
    expect((await probe.event('service', 'updated', created.id)).data).toMatchObject({
      before: created,
      after: updated,
    });
    expect((await probe.event('service', 'deleted', created.id)).data.before).toEqual(updated);
  });

  it('defaults to constant high urgency and answers dedup-grouping with the real rule', async () => {
    const plain = await addService('Plain');
    expect(plain).toMatchObject({ clientId: null, teamId: null, escalationPolicyId: null, description: '' });
    expect(plain.urgencyRule).toEqual({ kind: 'constant', urgency: 'high' });
    expect(plain.ticketMode).toBe('on-acknowledge');
    expect([plain.ackTimeoutSeconds, plain.autoResolveSeconds]).toEqual([null, null]);
    expect(await routingOf(plain.id)).toEqual({
      orgId: ORG,
      serviceId: plain.id,
      name: 'Plain',
      escalationPolicyId: null,
      urgency: 'high',
      urgencyRule: { kind: 'constant', urgency: 'high' },
    });

    const low = await addService('Backups', { urgencyRule: { kind: 'constant', urgency: 'low' } });
    expect(await routingOf(low.id)).toMatchObject({
      urgency: 'low',
      urgencyRule: { kind: 'constant', urgency: 'low' },
    });
    const hours = await addService('Office hours', {
      urgencyRule: SUPPORT_HOURS,
      escalationPolicyId: policyId,
    });
    expect(await routingOf(hours.id)).toMatchObject({
      escalationPolicyId: policyId,
      urgency: 'high',
      urgencyRule: hours.urgencyRule,
    });
    await expect(routingOf('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  describe('refuses a bad service with 400 naming the field', () => {
    const hours = (change: Record<string, unknown>) => ({ urgencyRule: { ...SUPPORT_HOURS, ...change } });
    it.each<[string, () => Record<string, unknown>, string]>([
      ['a missing name', () => ({ name: undefined }), 'name'],
      ['a client of another organization', () => ({ clientId: foreignClientId }), 'clientId'],
      ['an unknown team', () => ({ teamId: '00000000-0000-4000-8000-000000000000' }), 'teamId'],
      [
        'an escalation policy id that is not a uuid',
        () => ({ escalationPolicyId: 'p1' }),
        'escalationPolicyId',
      ],
      [
        'an escalation policy that does not exist',
        () => ({ escalationPolicyId: '00000000-0000-4000-8000-000000000000' }),
        'escalationPolicyId',
      ],
      ['an urgency rule that is not an object', () => ({ urgencyRule: 'high' }), 'urgencyRule'],
      ['an unknown rule kind', () => ({ urgencyRule: { kind: 'sometimes' } }), 'urgencyRule.kind'],
      [
        'a constant rule without urgency',
        () => ({ urgencyRule: { kind: 'constant' } }),
        'urgencyRule.urgency',
      ],
      [
        'a constant rule with an unknown urgency',
        () => ({ urgencyRule: { kind: 'constant', urgency: 'medium' } }),
        'urgencyRule.urgency',
      ],
      [
        'a field of another rule kind',
        () => ({ urgencyRule: { kind: 'severity-based', urgency: 'low' } }),
        'urgencyRule.urgency',
      ],
      [
        'support hours in an unknown time zone',
        () => hours({ timeZone: 'Moon/Base' }),
        'urgencyRule.timeZone',
      ],
      ['an unknown ticket mode', () => ({ ticketMode: 'on-resolve' }), 'ticketMode'],
      ['an acknowledgement timeout under a minute', () => ({ ackTimeoutSeconds: 30 }), 'ackTimeoutSeconds'],
      ['an acknowledgement timeout over a day', () => ({ ackTimeoutSeconds: 86401 }), 'ackTimeoutSeconds'],
      ['an acknowledgement timeout in words', () => ({ ackTimeoutSeconds: '30m' }), 'ackTimeoutSeconds'],
      ['an auto-resolve time of 1.5 minutes', () => ({ autoResolveSeconds: 90.5 }), 'autoResolveSeconds'],
      ['an auto-resolve time over 30 days', () => ({ autoResolveSeconds: 2592001 }), 'autoResolveSeconds'],
      ['support hours on day 8', () => hours({ days: [1, 8] }), 'urgencyRule.days'],
      ['support hours on no day', () => hours({ days: [] }), 'urgencyRule.days'],
      ['support hours starting at 8:00', () => hours({ start: '8:00' }), 'urgencyRule.start'],
      ['support hours ending at 24:00', () => hours({ end: '24:00' }), 'urgencyRule.end'],
      [
        'support hours without an outside urgency',
        () => hours({ outside: undefined }),
        'urgencyRule.outside',
      ],
    ])('%s', async (_, body, field) => {
      const payload = { name: `Refused ${field}`, ...body() };
      const problem = await probe.problemAsManager('POST', '/api/v1/services', 400, payload, field);
      expect(problem.detail).toContain(field);
    });

    it('also on update', async () => {
      const service = await addService('Updated badly');
      const path = `/api/v1/services/${service.id}`;
      await probe.problemAsManager('PATCH', path, 400, { clientId: foreignClientId }, 'clientId');
      await probe.problemAsManager(
        'PATCH',
        path,
        400,
        { urgencyRule: { kind: 'constant' } },
        'urgencyRule.urgency',
      );
      expect(await probe.asManager('GET', path, 200)).toEqual(service);
    });
  });

  it('refuses a duplicate service name with 409', async () => {
    await addService('Email');
    expect((await probe.problemAsManager('POST', '/api/v1/services', 409, { name: 'Email' })).code).toBe(
      'DUPLICATE_NAME',
    );
  });

  it('refuses to delete a service with live integrations; deletes it with its revoked ones', async () => {
    const service = await addService('Monitoring');
    const issue = (name: string) =>
      probe.asManager<{ integration: { id: string } }>(
        'POST',
        `/api/v1/services/${service.id}/integrations`,
        201,
        {
          type: 'generic',
          name,
        },
      );
    const [first, second] = [(await issue('One')).integration, (await issue('Two')).integration];
    await probe.asManager('POST', `/api/v1/integrations/${first.id}/revoke`, 200);
    const problem = await probe.problemAsManager('DELETE', `/api/v1/services/${service.id}`, 409);
    expect(problem).toMatchObject({
      code: 'SERVICE_HAS_INTEGRATIONS',
      detail: expect.stringContaining('1 integration'),
    });

    const revoked = await probe.asManager('POST', `/api/v1/integrations/${second.id}/revoke`, 200);
    await probe.asManager('DELETE', `/api/v1/services/${service.id}`, 204);
    await probe.problemAsManager('GET', `/api/v1/integrations/${second.id}`, 404);
    const [entry] = await probe.audit(probe.manager(), 'integration', second.id);
    expect(entry).toMatchObject({ action: 'integration.deleted', before: revoked, after: null });
    expect((await probe.event('integration', 'deleted', first.id)).data.after).toBeNull();
  });

  it('refuses to delete a client a service uses with 409', async () => {
    const client = await probe.asManager<{ id: string }>('POST', '/api/v1/clients', 201, {
      name: 'Globex',
    });
    await addService('Globex servers', { clientId: client.id });
    expect((await probe.problemAsManager('DELETE', `/api/v1/clients/${client.id}`, 409)).code).toBe(
      'CLIENT_IN_USE',
    );
  });

  it('pages through services with a cursor, without duplicates or gaps', async () => {
    for (let index = 0; index < 5; index += 1) await addService(`Page ${index}`);
    await probe.expectWalkMatchesOnePage<Service>(probe.manager(), '/api/v1/services', 3);
  });

  it('records nothing for a service patch that changes nothing: two identical patches, one audit row', async () => {
    const service = await addService('Same twice', { urgencyRule: SUPPORT_HOURS });
    const path = `/api/v1/services/${service.id}`;
    const change = {
      description: 'Twice',
      clientId: clientId.toUpperCase(),
      teamId,
      escalationPolicyId: policyId,
      urgencyRule: { ...SUPPORT_HOURS, days: [1, 2, 3, 4, 5] },
    };
    const first = await probe.asManager<Service>('PATCH', path, 200, change);
    expect(await probe.asManager('PATCH', path, 200, change)).toEqual(first);
    expect(await probe.asManager('PATCH', path, 200, { name: 'Same twice' })).toEqual(first);
    expect((await probe.audit(probe.manager(), 'service', service.id)).map((entry) => entry.action)).toEqual([
      'service.updated',
      'service.created',
    ]);
    const events = await probe.eventsAbout('oncall.evt.directory.service-updated.v1', service.id, 1);
    expect(events).toHaveLength(1);
  });

  it('records nothing for a client patch that changes nothing: two identical patches, one audit row', async () => {
    const client = await probe.asManager<{ id: string }>('POST', '/api/v1/clients', 201, {
      name: 'Same client',
    });
    const path = `/api/v1/clients/${client.id}`;
    const change = { psaExternalId: 'psa-1', rmmExternalId: null, timeZone: 'Europe/Paris' };
    const first = await probe.asManager('PATCH', path, 200, change);
    expect(await probe.asManager('PATCH', path, 200, change)).toEqual(first);
    expect((await probe.audit(probe.manager(), 'client', client.id)).map((entry) => entry.action)).toEqual([
      'client.updated',
      'client.created',
    ]);
    const duplicate = await probe.problemAsManager('PATCH', path, 409, { name: 'Acme' });
    expect(duplicate.code).toBe('DUPLICATE_NAME');
  });
});
