import { stageForAll } from '@oncall/platform-testing';
import type { TeamView as Team } from '../apps/admin-api/src/directory/teams/team.view';
import { ISO_INSTANT, OrgProbe, UUID } from './support/directory-probe';

const ORG = 'teams-msp';

describe('Directory: teams', () => {
  const probe = stageForAll(() => OrgProbe.startIn('dir-teams', ORG));
  let strangerId: string;
  beforeAll(async () => {
    strangerId = await probe.userIdOf(probe.platform.token('other-msp', 'manager', 'stranger'));
  });

  const addTeam = (name: string, extra: Partial<Team> = {}) =>
    probe.asManager<Team>('POST', '/api/v1/teams', 201, { name, ...extra });
  const addUser = async (email: string) =>
    (
      await probe.asManager<{ id: string }>('POST', '/api/v1/users', 201, {
        email,
        name: email,
        role: 'technician',
      })
    ).id;

  it('creates, reads, updates and deletes a team; audit and events record each change', async () => {
    const created = await addTeam('NOC', { description: 'Night shift', managerUserId: probe.managerId });
    expect(created).toEqual({
      id: UUID,
      name: 'NOC',
      description: 'Night shift',
      managerUserId: probe.managerId,
      memberIds: [],
      createdAt: ISO_INSTANT,
      updatedAt: ISO_INSTANT,
    });
    expect(await probe.asManager('GET', `/api/v1/teams/${created.id}`, 200)).toEqual(created);

    const updated = await probe.asManager<Team>('PATCH', `/api/v1/teams/${created.id}`, 200, {
      name: 'NOC Europe',
      managerUserId: null,
    });
    expect(updated).toEqual({ ...created, name: 'NOC Europe', managerUserId: null, updatedAt: ISO_INSTANT });

    await probe.asManager('DELETE', `/api/v1/teams/${created.id}`, 204);
    await probe.problemAsManager('GET', `/api/v1/teams/${created.id}`, 404);

    const entries = await probe.audit(probe.manager(), 'team', created.id);
    expect(entries.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ['team.deleted', updated, null],
      ['team.updated', created, updated],
      ['team.created', null, created],
    ]);
    expect(entries[1]).toMatchObject({
      actor: { kind: 'user', userId: probe.managerId, name: 'boss' },
      at: ISO_INSTANT,
    });
    expect((await probe.event('team', 'created', created.id)).data.after).toEqual(created);
    expect((await probe.event('team', 'updated', created.id)).data).toMatchObject({
      before: created,
      after: updated,
    });
    expect(await probe.event('team', 'deleted', created.id)).toMatchObject({
      type: 'TeamDeleted',
      data: { before: updated, after: null },
      metadata: { orgId: ORG },
    });
  });

  it('replaces the member list with active users of the organization', async () => {
    const [ana, ben] = [await addUser('ana@teams.test'), await addUser('ben@teams.test')];
    const team = await addTeam('Servers');
    const staffed = await probe.asManager<Team>('PUT', `/api/v1/teams/${team.id}/members`, 200, {
      userIds: [ben, ana],
    });
    expect(staffed).toEqual({ ...team, memberIds: [ana, ben].sort(), updatedAt: ISO_INSTANT });
    expect(await probe.asManager('GET', `/api/v1/teams/${team.id}`, 200)).toEqual(staffed);
    const listed = await probe.asManager<{ items: Team[] }>('GET', '/api/v1/teams?limit=200', 200);
    expect(listed.items.find((item) => item.id === team.id)).toEqual(staffed);
    const [entry] = await probe.audit(probe.manager(), 'team', team.id);
    expect(entry).toMatchObject({ action: 'team.updated', before: team, after: staffed });

    const trimmed = await probe.asManager<Team>('PUT', `/api/v1/teams/${team.id}/members`, 200, {
      userIds: [ana],
    });
    expect(trimmed.memberIds).toEqual([ana]);
    const emptied = await probe.asManager<Team>('PUT', `/api/v1/teams/${team.id}/members`, 200, {
      userIds: [],
    });
    expect(emptied.memberIds).toEqual([]);
  });

  describe('refuses members that are not active users of the organization with 400 naming userIds', () => {
    it.each<[string, (ids: { ana: string; gone: string }) => unknown]>([
      ['a deactivated user', ({ ana, gone }) => [ana, gone]],
      ['an unknown user', ({ ana }) => [ana, '00000000-0000-4000-8000-000000000000']],
      ['a user of another organization', () => [strangerId]],
      ['the same user twice', ({ ana }) => [ana, ana]],
      ['an id that is not a uuid', () => ['ana']],
      ['no list at all', () => 'everyone'],
    ])('%s', async (_, userIds) => {
      const team = await addTeam(`Refusals ${Math.random()}`);
      const ana = await addUser(`ana-${Math.random()}@teams.test`);
      const gone = await addUser(`gone-${Math.random()}@teams.test`);
      await probe.asManager('POST', `/api/v1/users/${gone}/deactivate`, 200);
      const body = { userIds: userIds({ ana, gone }) };
      await probe.problemAsManager('PUT', `/api/v1/teams/${team.id}/members`, 400, body, 'userIds');
      expect((await probe.asManager<Team>('GET', `/api/v1/teams/${team.id}`, 200)).memberIds).toEqual([]);
    });
  });

  describe('refuses a bad team with 400 naming the field', () => {
    it.each<[string, () => Record<string, unknown>, string]>([
      ['a missing name', () => ({ description: 'x' }), 'name'],
      ['an empty name', () => ({ name: '' }), 'name'],
      [
        'a manager() of another organization',
        () => ({ name: 'T1', managerUserId: strangerId }),
        'managerUserId',
      ],
      [
        'an unknown manager',
        () => ({ name: 'T2', managerUserId: '00000000-0000-4000-8000-000000000000' }),
        'managerUserId',
      ],
      ['a manager() id that is not a uuid', () => ({ name: 'T3', managerUserId: 'boss' }), 'managerUserId'],
      ['an unknown field', () => ({ name: 'T4', colour: 'red' }), 'colour'],
    ])('%s', async (_, body, field) => {
      const problem = await probe.problemAsManager('POST', '/api/v1/teams', 400, body(), field);
      expect(problem.detail).toContain(field);
    });

    it('also on update', async () => {
      const team = await addTeam('Updated badly');
      const body = { managerUserId: strangerId };
      await probe.problemAsManager('PATCH', `/api/v1/teams/${team.id}`, 400, body, 'managerUserId');
    });
  });

  it('refuses a duplicate team name with 409, on create and on rename', async () => {
    await addTeam('Helpdesk');
    const other = await addTeam('Projects');
    expect((await probe.problemAsManager('POST', '/api/v1/teams', 409, { name: 'Helpdesk' })).code).toBe(
      'DUPLICATE_NAME',
    );
    await probe.problemAsManager('PATCH', `/api/v1/teams/${other.id}`, 409, { name: 'Helpdesk' });
  });

  it('refuses to delete a team a service uses with 409, and deletes it once the service moved', async () => {
    const team = await addTeam('Network');
    const service = await probe.asManager<{ id: string }>('POST', '/api/v1/services', 201, {
      name: 'Firewalls',
      teamId: team.id,
    });
    expect((await probe.problemAsManager('DELETE', `/api/v1/teams/${team.id}`, 409)).code).toBe(
      'TEAM_IN_USE',
    );
    await probe.asManager('PATCH', `/api/v1/services/${service.id}`, 200, { teamId: null });
    await probe.asManager('DELETE', `/api/v1/teams/${team.id}`, 204);
  });

  it('pages through teams with a cursor, without duplicates or gaps', async () => {
    for (let index = 0; index < 5; index += 1) await addTeam(`Page ${index}`);
    await probe.expectWalkMatchesOnePage<Team>(probe.manager(), '/api/v1/teams', 2);
  });

  it('records nothing for a patch or member list that changes nothing: two identical writes, one audit row', async () => {
    const team = await addTeam('Same twice');
    const ana = await addUser('ana-same@teams.test');
    const path = `/api/v1/teams/${team.id}`;
    const change = { description: 'Twice', managerUserId: probe.managerId.toUpperCase() };
    const first = await probe.asManager<Team>('PATCH', path, 200, change);
    expect(await probe.asManager('PATCH', path, 200, change)).toEqual(first);
    expect(await probe.asManager('PATCH', path, 200, { name: 'Same twice' })).toEqual(first);
    const members = await probe.asManager<Team>('PUT', `${path}/members`, 200, {
      userIds: [ana],
    });
    expect(await probe.asManager('PUT', `${path}/members`, 200, { userIds: [ana] })).toEqual(members);
    expect((await probe.audit(probe.manager(), 'team', team.id)).map((entry) => entry.action)).toEqual([
      'team.updated',
      'team.updated',
      'team.created',
    ]);
    const events = await probe.eventsAbout('oncall.evt.directory.team-updated.v1', team.id, 2);
    expect(events).toHaveLength(2);
  });
});
