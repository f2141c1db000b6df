import {
  DIRECTORY_STATE_CONTEXT,
  IntegrationState,
  ServiceState,
  TeamState,
  UserState,
} from '@oncall/contracts';
import { MessageBus, StateReplica } from '@oncall/platform-messaging';
import { waitFor } from '@oncall/platform-testing';
import { createHash } from 'node:crypto';
import pino from 'pino';
import { DirectoryProbe } from './support/directory-probe';

const ORG = 'state-msp';
const silent = pino({ level: 'silent' });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('Directory state for local copies (ONCALL_STATE)', () => {
  let probe: DirectoryProbe;
  let bus: MessageBus;
  let manager: string;
  const replicas: StateReplica<unknown>[] = [];

  beforeAll(async () => {
    probe = await DirectoryProbe.start('dir-state');
    bus = await probe.platform.connectBus();
    manager = probe.platform.token(ORG, 'manager', 'state-boss');
  }, 30_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await bus.close();
    await probe.close();
  });

  async function replicaOf<TView>(resourceType: string): Promise<StateReplica<TView>> {
    const replica = new StateReplica<TView>(bus, { context: DIRECTORY_STATE_CONTEXT, resourceType }, silent);
    replicas.push(replica as StateReplica<unknown>);
    await replica.start();
    return replica;
  }

  it('publishes each integration with its key hash, and its revocation', async () => {
    const integrations = await replicaOf<IntegrationState>('integration');
    const service = await probe.call<{ id: string }>(manager, 'POST', '/api/v1/services', 201, {
      name: 'Mail',
    });
    const issued = await probe.call<{ integration: { id: string }; key: string }>(
      manager,
      'POST',
      `/api/v1/services/${service.id}/integrations`,
      201,
      { type: 'generic', name: 'Nagios' },
    );
    const live = await waitFor('the integration copied', () => integrations.get(issued.integration.id));
    expect(live).toEqual({
      integrationId: issued.integration.id,
      orgId: ORG,
      serviceId: service.id,
      type: 'generic',
      name: 'Nagios',
      keyHash: sha256(issued.key),
      active: true,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
    });
    await probe.call(manager, 'POST', `/api/v1/integrations/${issued.integration.id}/revoke`, 200);
    await waitFor('the revocation copied', () => integrations.get(issued.integration.id)?.active === false);
  });

  it('publishes services, teams with their members, and users', async () => {
    const [services, teams, users] = await Promise.all([
      replicaOf<ServiceState>('service'),
      replicaOf<TeamState>('team'),
      replicaOf<UserState>('user'),
    ]);
    const tech = await probe.call<{ id: string }>(manager, 'POST', '/api/v1/users', 201, {
      email: 'tech@state.test',
      name: 'Tess Tech',
      role: 'technician',
    });
    const team = await probe.call<{ id: string }>(manager, 'POST', '/api/v1/teams', 201, { name: 'Network' });
    await probe.call(manager, 'PUT', `/api/v1/teams/${team.id}/members`, 200, { userIds: [tech.id] });
    const service = await probe.call<{ id: string }>(manager, 'POST', '/api/v1/services', 201, {
      name: 'Firewalls',
      teamId: team.id,
    });
    expect(await waitFor('the user', () => users.get(tech.id))).toMatchObject({
      email: 'tech@state.test',
      role: 'technician',
      active: true,
    });
    await waitFor('the team with its member', () => teams.get(team.id)?.memberIds.includes(tech.id));
    expect(teams.get(team.id)).toMatchObject({ name: 'Network', memberIds: [tech.id] });
    expect(await waitFor('the service', () => services.get(service.id))).toMatchObject({
      teamId: team.id,
      urgencyRule: { kind: 'constant', urgency: 'high' },
      ticketMode: 'on-acknowledge',
    });
    await probe.call(manager, 'DELETE', `/api/v1/services/${service.id}`, 204);
    await waitFor('the service forgotten', () => services.get(service.id) === undefined);
  });

  it('republishes everything at start, including rows written behind its back', async () => {
    const demo = await probe.platform.seedDemo();
    await probe.platform.stop('admin-api');
    await probe.platform.start('admin-api');
    const integrations = await replicaOf<IntegrationState>('integration');
    const seeded = await waitFor('the seeded integration republished', () => {
      const found = [...integrations.views()].filter((integration) => integration.orgId === demo.orgId);
      return found.length > 0 && found;
    });
    expect(seeded).toEqual([
      expect.objectContaining({ serviceId: demo.serviceId, keyHash: sha256(demo.integrationKey) }),
    ]);
    // A restart of admin-api: 2 s alone; once past 30 s in a full run on the loaded 2-core machine.
  }, 90_000);
});
