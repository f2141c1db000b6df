import type { ScheduleView } from '@oncall/contracts';
import { stageForAll } from '@oncall/platform-testing';
import { ISO_INSTANT, UUID } from './support/directory-probe';
import { dailyLayer, scheduleBody, TwoTechnicians } from './support/schedule-fixtures';

const ORG = 'schedules-crud-msp';

describe('Schedules: create, read, list, replace, delete', () => {
  const scene = stageForAll(() =>
    TwoTechnicians.start('sched-crud', ORG, 'crud.test', ['scheduling', 'escalation']),
  );
  let teamId: string;
  let foreignUser: string;
  let foreignTeam: string;

  beforeAll(async () => {
    teamId = (await scene.call<{ id: string }>('POST', '/api/v1/teams', 201, { name: 'NOC' })).id;
    const stranger = scene.probe.platform.token('other-msp', 'manager', 'stranger');
    foreignUser = (
      await scene.probe.call<{ id: string }>(stranger, 'POST', '/api/v1/users', 201, {
        email: 'eve@other.test',
        name: 'Eve',
        role: 'technician',
      })
    ).id;
    foreignTeam = (
      await scene.probe.call<{ id: string }>(stranger, 'POST', '/api/v1/teams', 201, { name: 'X' })
    ).id;
  }, 30_000);

  const create = (body: object) => scene.call<ScheduleView>('POST', '/api/v1/schedules', 201, body);

  it('round-trips a schedule with exact views: create, get, list page by page, replace, delete', async () => {
    const weekdays = {
      kind: 'weekly',
      startDayOfWeek: 1,
      startTime: '08:00',
      durationMinutes: 4 * 1440 + 600,
    };
    const definition = {
      name: 'Service desk',
      description: 'Business hours and nights',
      timeZone: 'Europe/Amsterdam',
      teamId,
      layers: [
        {
          ...dailyLayer([scene.ann, scene.bob]),
          start: '2027-01-04T00:00:00+01:00',
          restrictions: [weekdays],
        },
        {
          name: 'Nights',
          timeZone: 'America/Chicago',
          participants: [scene.bob],
          rotation: { kind: 'custom', unit: 'hours', length: 12 },
          handoffAnchor: '2027-01-04T20:00',
          start: '2027-01-04T00:00:00Z',
          end: '2027-06-30T00:00:00Z',
          restrictions: [{ kind: 'daily', startTime: '20:00', durationMinutes: 720 }],
        },
      ],
    };
    const created = await create(definition);
    expect(created).toEqual({
      id: UUID,
      orgId: ORG,
      name: 'Service desk',
      description: 'Business hours and nights',
      timeZone: 'Europe/Amsterdam',
      teamId,
      layers: [
        {
          id: UUID,
          name: 'Primary',
          timeZone: null,
          participants: [scene.ann, scene.bob],
          rotation: { kind: 'daily' },
          handoffAnchor: '2020-01-06T09:00',
          start: '2027-01-03T23:00:00.000Z',
          end: null,
          restrictions: [weekdays],
        },
        {
          ...definition.layers[1],
          id: UUID,
          start: '2027-01-04T00:00:00.000Z',
          end: '2027-06-30T00:00:00.000Z',
        },
      ],
      version: 1,
      createdAt: ISO_INSTANT,
      updatedAt: ISO_INSTANT,
    });
    expect(await scene.call('GET', `/api/v1/schedules/${created.id}`, 200)).toEqual(created);

    const second = await create(scheduleBody('Escalations', [dailyLayer([scene.bob])]));
    const pages = await scene.probe.walk<ScheduleView>(scene.manager, '/api/v1/schedules', 1);
    expect(pages.map((page) => page.map((schedule) => schedule.id))).toEqual([[created.id], [second.id]]);
    expect(pages[0][0]).toEqual(created);

    const [primary, nights] = created.layers;
    const replacement = {
      ...definition,
      name: 'Service desk (new)',
      teamId: null,
      layers: [{ ...definition.layers[0], id: primary.id, participants: [scene.bob, scene.ann] }],
      expectedVersion: 1,
    };
    const replaced = await scene.call<ScheduleView>(
      'PUT',
      `/api/v1/schedules/${created.id}`,
      200,
      replacement,
    );
    expect(replaced).toEqual({
      ...created,
      name: 'Service desk (new)',
      teamId: null,
      layers: [{ ...created.layers[0], participants: [scene.bob, scene.ann] }],
      version: 2,
      updatedAt: ISO_INSTANT,
    });
    expect(replaced.layers.map((layer) => layer.id)).not.toContain(nights.id);
    // (Sending the definition in force again is no change at all: see schedules-revisions.)
    const changed = { ...replacement, description: 'Changed meanwhile' };
    const stale = await scene.problem('PUT', `/api/v1/schedules/${created.id}`, 409, changed);
    expect(stale.detail).toContain('version 1');

    await scene.call('DELETE', `/api/v1/schedules/${created.id}`, 204);
    await scene.problem('GET', `/api/v1/schedules/${created.id}`, 404);
    const left = await scene.call<{ items: ScheduleView[] }>('GET', '/api/v1/schedules', 200);
    expect(left.items.map((schedule) => schedule.id)).toEqual([second.id]);
  });

  it.each([
    ['an unknown rotation kind', { rotation: { kind: 'monthly' } }, 'layers.0.rotation.kind'],
    [
      'a custom rotation without length',
      { rotation: { kind: 'custom', unit: 'hours' } },
      'layers.0.rotation.length',
    ],
    [
      'a restriction longer than a day',
      { restrictions: [{ kind: 'daily', startTime: '08:00', durationMinutes: 1441 }] },
      'layers.0.restrictions.0.durationMinutes',
    ],
    [
      'a weekly restriction on day 8',
      { restrictions: [{ kind: 'weekly', startDayOfWeek: 8, startTime: '08:00', durationMinutes: 60 }] },
      'layers.0.restrictions.0.startDayOfWeek',
    ],
    ['an anchor with a zone', { handoffAnchor: '2027-01-04T09:00Z' }, 'layers.0.handoffAnchor'],
    ['a start without offset', { start: '2027-01-04T09:00:00' }, 'layers.0.start'],
    // Checked by the scheduling engine, answered with the same field naming.
    ['an end before the start', { end: '2019-12-31T00:00:00Z' }, 'layers.0.end'],
  ])('refuses %s with 400 naming the nested field', async (_, change, field) => {
    const body = scheduleBody('Invalid', [{ ...dailyLayer([scene.ann]), ...change }]);
    await scene.problem('POST', '/api/v1/schedules', 400, body, field);
  });

  it.each([
    ['30 February', ['2027-02-30T10:00:00.000Z', '3f1c3a52-9a4e-4c1e-8d2e-2b7f0c5f9a10']],
    ['an id that is not a UUID', ['2027-01-01T10:00:00.000Z', "x' OR 1=1"]],
  ])('refuses a forged list cursor (%s) with 400 naming cursor', async (_, values) => {
    const cursor = Buffer.from(JSON.stringify(values)).toString('base64url');
    await scene.problem('GET', `/api/v1/schedules?cursor=${cursor}`, 400, undefined, 'cursor');
  });

  it('refuses participants that are not active users of the organization, naming each', async () => {
    await scene.call('POST', `/api/v1/users/${scene.bob}/deactivate`, 200);
    const body = scheduleBody('People', [
      dailyLayer([scene.ann]),
      dailyLayer([scene.ann, foreignUser, scene.bob]),
    ]);
    const problem = await scene.problem('POST', '/api/v1/schedules', 400, body);
    expect(problem.errors!.map((error) => error.field)).toEqual([
      'layers.1.participants.1',
      'layers.1.participants.2',
    ]);
    expect(problem.detail).toContain(foreignUser);
    await scene.call('POST', `/api/v1/users/${scene.bob}/reactivate`, 200);
  });

  it('refuses an unknown time zone, a foreign team and a body with stray fields', async () => {
    const valid = scheduleBody('Zones', [dailyLayer([scene.ann])]);
    await scene.problem('POST', '/api/v1/schedules', 400, { ...valid, timeZone: 'Mars/Olympus' }, 'timeZone');
    await scene.problem('POST', '/api/v1/schedules', 400, { ...valid, teamId: foreignTeam }, 'teamId');
    await scene.problem('POST', '/api/v1/schedules', 400, { ...valid, orgId: 'other-msp' }, 'orgId');
  });

  it('answers 404 for another organization’s schedule on every schedule route', async () => {
    const schedule = await create(scheduleBody('Private', [dailyLayer([scene.ann])]));
    const stranger = scene.probe.platform.token('other-msp', 'manager', 'stranger');
    const overrideBody = {
      userId: foreignUser,
      start: '2030-01-01T00:00:00Z',
      end: '2030-01-02T00:00:00Z',
    };
    const anyId = '00000000-0000-4000-8000-000000000000';
    for (const [method, path, body] of [
      ['GET', `/api/v1/schedules/${schedule.id}`],
      ['PUT', `/api/v1/schedules/${schedule.id}`, scheduleBody('Hijacked', [dailyLayer([foreignUser])])],
      ['DELETE', `/api/v1/schedules/${schedule.id}`],
      ['GET', `/api/v1/schedules/${schedule.id}/shifts`],
      ['GET', `/api/v1/schedules/${schedule.id}/on-call`],
      ['GET', `/api/v1/schedules/${schedule.id}/overrides`],
      ['POST', `/api/v1/schedules/${schedule.id}/overrides`, overrideBody],
      ['DELETE', `/api/v1/schedules/${schedule.id}/overrides/${anyId}`],
      ['GET', `/api/v1/coverage-gaps?scheduleId=${schedule.id}`],
      ['GET', `/api/v1/users/${scene.ann}/shifts`],
    ] as [string, string, object?][]) {
      await scene.probe.problem(stranger, method, path, 404, body);
    }
    expect(await scene.call('GET', `/api/v1/schedules/${schedule.id}`, 200)).toEqual(schedule);
    const seen = await scene.probe.call<{ items: ScheduleView[] }>(stranger, 'GET', '/api/v1/schedules', 200);
    expect(seen.items).toEqual([]);
  });
});
