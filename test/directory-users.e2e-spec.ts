import { stageForAll } from '@oncall/platform-testing';
import { ISO_INSTANT, OrgProbe, UUID } from './support/directory-probe';

interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  timeZone: string;
  active: boolean;
  signedIn: boolean;
  createdAt: string;
  updatedAt: string;
}

const ORG = 'users-msp';

describe('Directory: users', () => {
  const probe = stageForAll(() => OrgProbe.startIn('dir-users', ORG));
  const addUser = (email: string, extra: Partial<User> = {}) =>
    probe.asManager<User>('POST', '/api/v1/users', 201, {
      email,
      name: email,
      role: 'technician',
      ...extra,
    });

  it('adds a person before they sign in, reads and updates them; audit and events record before and after', async () => {
    const created = await addUser('ana@acme.test', { name: 'Ana', timeZone: 'Europe/Amsterdam' });
    expect(created).toEqual({
      id: UUID,
      email: 'ana@acme.test',
      name: 'Ana',
      role: 'technician',
      timeZone: 'Europe/Amsterdam',
      active: true,
      signedIn: false,
      createdAt: ISO_INSTANT,
      updatedAt: ISO_INSTANT,
    });
    expect(await probe.asManager('GET', `/api/v1/users/${created.id}`, 200)).toEqual(created);

    const change = { name: 'Ana Bakker', role: 'manager', timeZone: 'America/New_York' };
    const updated = await probe.asManager<User>('PATCH', `/api/v1/users/${created.id}`, 200, change);
    expect(updated).toEqual({ ...created, ...change, updatedAt: ISO_INSTANT });

    const [updateEntry, createEntry] = await probe.audit(probe.manager(), 'user', created.id);
    expect(updateEntry).toEqual({
      id: expect.any(String),
      at: ISO_INSTANT,
      actor: { kind: 'user', userId: probe.managerId, name: 'boss' },
      action: 'user.updated',
      resourceType: 'user',
      resourceId: created.id,
      before: created,
      after: updated,
      correlationId: expect.any(String),
    });
    expect(createEntry).toMatchObject({ action: 'user.created', before: null, after: created });

    const event = await probe.event('user', 'updated', created.id);
    expect(event).toMatchObject({
      type: 'UserUpdated',
      data: { resourceType: 'user', action: 'updated', before: created, after: updated },
      metadata: { orgId: ORG, schemaVersion: 1 },
    });
    expect((await probe.event('user', 'created', created.id)).data.after).toEqual(created);
  });

  it('links a person added earlier at their first sign-in by e-mail; Hub then overwrites name and role', async () => {
    const added = await addUser('kim-hub@example.test', { name: 'Kim (added)', role: 'owner' });
    const kim = probe.platform.token(ORG, 'technician', 'kim-hub');
    const me = await probe.call<User>(kim, 'GET', '/api/v1/me', 200);
    expect(me).toEqual({
      ...added,
      name: 'kim-hub',
      role: 'technician',
      signedIn: true,
      updatedAt: ISO_INSTANT,
    });
  });

  describe('refuses a bad payload with 400 naming the field', () => {
    it.each<[string, string, string, unknown, string]>([
      [
        'an invalid e-mail',
        'POST',
        '/api/v1/users',
        { email: 'nope', name: 'x', role: 'technician' },
        'email',
      ],
      ['a missing name', 'POST', '/api/v1/users', { email: 'a@b.test', role: 'technician' }, 'name'],
      ['an unknown role', 'POST', '/api/v1/users', { email: 'a@b.test', name: 'x', role: 'admin' }, 'role'],
      [
        'an unknown time zone',
        'POST',
        '/api/v1/users',
        { email: 'a@b.test', name: 'x', role: 'owner', timeZone: 'Mars/Base' },
        'timeZone',
      ],
      ['an e-mail change', 'PATCH', '/api/v1/users/{boss}', { email: 'x@y.test' }, 'email'],
      ['a non-boolean active filter', 'GET', '/api/v1/users?active=maybe', undefined, 'active'],
      ['a foreign cursor', 'GET', '/api/v1/users?cursor=abc', undefined, 'cursor'],
    ])('%s', async (_, method, path, body, field) => {
      const problem = await probe.problemAsManager(
        method,
        path.replace('{boss}', probe.managerId),
        400,
        body,
        field,
      );
      expect(problem.detail).toContain(field);
    });
  });

  it('refuses a second user with the same e-mail, whatever its case, with 409', async () => {
    await addUser('dup@acme.test');
    const problem = await probe.problemAsManager('POST', '/api/v1/users', 409, {
      email: 'DUP@acme.test',
      name: 'Dup',
      role: 'owner',
    });
    expect(problem.code).toBe('DUPLICATE_EMAIL');
  });

  it('answers 404 for an unknown user and 400 for an id that is not a uuid', async () => {
    await probe.problemAsManager('GET', '/api/v1/users/00000000-0000-4000-8000-000000000000', 404);
    await probe.problemAsManager('GET', '/api/v1/users/not-a-uuid', 400);
  });

  it('deactivates (refusing their sign-in) and reactivates a person, idempotently', async () => {
    const sam = probe.platform.token(ORG, 'technician', 'sam');
    const before = await probe.call<User>(sam, 'GET', '/api/v1/me', 200);
    const byManager = (action: 'deactivate' | 'reactivate') =>
      probe.asManager<User>('POST', `/api/v1/users/${before.id}/${action}`, 200);
    const deactivated = await byManager('deactivate');
    expect(deactivated).toEqual({ ...before, active: false, updatedAt: ISO_INSTANT });
    expect(await byManager('deactivate')).toEqual(deactivated);
    expect((await probe.problem(sam, 'GET', '/api/v1/me', 403)).code).toBe('ACCOUNT_DEACTIVATED');
    const inactive = await probe.asManager<{ items: User[] }>('GET', '/api/v1/users?active=false', 200);
    expect(inactive.items).toEqual([deactivated]);

    const reactivated = await byManager('reactivate');
    expect(reactivated).toEqual({ ...before, active: true, updatedAt: ISO_INSTANT });
    expect(await probe.call(sam, 'GET', '/api/v1/me', 200)).toEqual(reactivated);

    const actions = (await probe.audit(probe.manager(), 'user', before.id)).map((entry) => entry.action);
    expect(actions).toEqual(['user.reactivated', 'user.deactivated', 'user.provisioned']);
    expect((await probe.event('user', 'deactivated', before.id)).data).toMatchObject({
      before,
      after: deactivated,
    });
    expect((await probe.event('user', 'reactivated', before.id)).data.after).toEqual(reactivated);
  });

  it('refuses to let a manager() deactivate themself with 409', async () => {
    const problem = await probe.problemAsManager('POST', `/api/v1/users/${probe.managerId}/deactivate`, 409);
    expect(problem.code).toBe('CANNOT_DEACTIVATE_SELF');
  });

  it('lets a technician read their own user and change only its time zone', async () => {
    const tech = probe.platform.token(ORG, 'technician', 'tess');
    const me = await probe.call<User>(tech, 'GET', '/api/v1/me', 200);
    expect(me).toMatchObject({
      name: 'tess',
      email: 'tess@example.test',
      role: 'technician',
      signedIn: true,
    });
    const moved = await probe.call<User>(tech, 'PATCH', '/api/v1/me', 200, { timeZone: 'Asia/Tokyo' });
    expect(moved).toEqual({ ...me, timeZone: 'Asia/Tokyo', updatedAt: ISO_INSTANT });
    const [entry] = await probe.audit(probe.manager(), 'user', me.id);
    expect(entry).toMatchObject({ actor: { kind: 'user', userId: me.id }, before: me, after: moved });

    await probe.problem(tech, 'PATCH', '/api/v1/me', 400, { timeZone: 'Asia/Tokyo', name: 'Boss' }, 'name');
    await probe.problem(tech, 'PATCH', '/api/v1/me', 400, { timeZone: 'Nowhere' }, 'timeZone');
    expect(
      (await probe.problem(tech, 'PATCH', `/api/v1/users/${probe.managerId}`, 403, { name: 'x' })).code,
    ).toBe('FORBIDDEN');
    expect((await probe.problem(tech, 'PATCH', `/api/v1/users/${me.id}`, 403, { name: 'x' })).code).toBe(
      'FORBIDDEN',
    );
  });

  it('pages through users with a cursor, without duplicates or gaps, also when filtered', async () => {
    for (let index = 0; index < 7; index += 1) await addUser(`page-${index}@acme.test`);
    const all = await probe.asManager<{ items: User[]; nextCursor: null }>(
      'GET',
      '/api/v1/users?limit=200',
      200,
    );
    expect(all.nextCursor).toBeNull();
    const pages = await probe.walk<User>(probe.manager(), '/api/v1/users', 3);
    expect(pages.slice(0, -1).every((page) => page.length === 3)).toBe(true);
    expect(pages.flat().map((user) => user.id)).toEqual(all.items.map((user) => user.id));
    expect(new Set(pages.flat().map((user) => user.id)).size).toBe(all.items.length);

    const active = await probe.walk<User>(probe.manager(), '/api/v1/users?active=true', 2);
    expect(active.flat().map((user) => user.id)).toEqual(
      all.items.filter((user) => user.active).map((user) => user.id),
    );
  });

  it('records nothing for a patch that changes nothing: two identical patches, one audit row and one event', async () => {
    const user = await addUser('same-twice@acme.test', { name: 'Sam' });
    const change = { name: 'Sam Same', timeZone: 'Europe/Berlin' };
    const first = await probe.asManager<User>('PATCH', `/api/v1/users/${user.id}`, 200, change);
    const second = await probe.asManager<User>('PATCH', `/api/v1/users/${user.id}`, 200, change);
    expect(second).toEqual(first); // not even updatedAt moved: the row was not updated
    const unchanged = { name: 'Sam Same', role: 'technician', timeZone: 'Europe/Berlin' };
    expect(await probe.asManager('PATCH', `/api/v1/users/${user.id}`, 200, unchanged)).toEqual(first);
    expect(await probe.asManager('PATCH', `/api/v1/users/${user.id}`, 200, {})).toEqual(first);
    expect((await probe.audit(probe.manager(), 'user', user.id)).map((entry) => entry.action)).toEqual([
      'user.updated',
      'user.created',
    ]);
    const bossEntries = (await probe.audit(probe.manager(), 'user', probe.managerId)).length;
    const me = await probe.asManager<User>('GET', '/api/v1/me', 200);
    expect(await probe.asManager('PATCH', '/api/v1/me', 200, { timeZone: me.timeZone })).toEqual(me);
    expect(await probe.audit(probe.manager(), 'user', probe.managerId)).toHaveLength(bossEntries);
    await probe.event('user', 'updated', user.id);
    const events = await probe.eventsAbout('oncall.evt.directory.user-updated.v1', user.id, 1);
    expect(events).toHaveLength(1);
  });

  describe('refuses a cursor it did not hand out with 400 naming cursor, never a database error', () => {
    const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const uuid = '3f1c3a52-9a4e-4c1e-8d2e-2b7f0c5f9a10';
    it.each<[string, string]>([
      ['a bare number for the instant', cursorOf(['1', uuid])],
      ['a date without time', cursorOf(['2026-01-01', uuid])],
      ['an instant without microseconds', cursorOf(['2026-01-01T10:00:00.000Z', uuid])],
      ['30 February', cursorOf(['2026-02-30T10:00:00.000000Z', uuid])],
      ['hour 24', cursorOf(['2026-01-01T24:00:00.000000Z', uuid])],
      ['year 0', cursorOf(['0000-01-01T00:00:00.000000Z', uuid])],
      ['36 dashes for the id', cursorOf(['2026-01-01T10:00:00.000000Z', '-'.repeat(36)])],
      ['an id that is not a uuid', cursorOf(['2026-01-01T10:00:00.000000Z', 'g'.repeat(36)])],
      ['a number for the id', cursorOf(['2026-01-01T10:00:00.000000Z', 42])],
      ['an object', cursorOf({ createdAt: '2026-01-01T10:00:00.000000Z', id: uuid })],
      ['null', cursorOf(null)],
      ['three parts', cursorOf(['2026-01-01T10:00:00.000000Z', uuid, 'x'])],
      ['no JSON at all', 'not-ours'],
    ])('%s', async (_, cursor) => {
      const path = `/api/v1/users?cursor=${encodeURIComponent(cursor)}`;
      await probe.problemAsManager('GET', path, 400, undefined, 'cursor');
    });

    it('and still follows the cursors it hands out', async () => {
      const [first] = await probe.walk<User>(probe.manager(), '/api/v1/users', 1, 1_000);
      expect(first).toHaveLength(1);
    });
  });

  it('fails a walk that goes on for more pages than allowed instead of stopping quietly', async () => {
    for (let index = 0; index < 3; index += 1) await addUser(`walk-${index}@acme.test`);
    await expect(probe.walk<User>(probe.manager(), '/api/v1/users', 1, 2)).rejects.toThrow(/after 2 pages/);
  });
});
