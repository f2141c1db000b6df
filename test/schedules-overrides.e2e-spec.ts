import { DirectoryProbe, ISO_INSTANT, UUID } from './support/directory-probe';
import {
  DAY,
  dailyLayer,
  HOUR,
  iso,
  scheduleBody,
  startSchedulingProbe,
  turnAt,
} from './support/schedule-fixtures';

const ORG = 'schedules-overrides-msp';

interface Override {
  id: string;
  userId: string;
  start: string;
  end: string;
  createdBy: string;
}

describe('Schedules: overrides, by managers and by technicians for themselves', () => {
  let probe: DirectoryProbe;
  const tokens: Record<'manager' | 'tina' | 'tom' | 'outsider', string> = {} as never;
  const ids: Record<keyof typeof tokens, string> = {} as never;
  let scheduleId: string;
  let layerId: string;
  /** Tina's next full turn, and Tom's turn right after it. */
  let tinaTurn: number;
  let tomTurn: number;

  beforeAll(async () => {
    probe = await startSchedulingProbe('sched-overrides');
    tokens.manager = probe.platform.token(ORG, 'manager', 'boss');
    tokens.tina = probe.platform.token(ORG, 'technician', 'tina');
    tokens.tom = probe.platform.token(ORG, 'technician', 'tom');
    tokens.outsider = probe.platform.token(ORG, 'technician', 'outsider');
    for (const who of Object.keys(tokens) as (keyof typeof tokens)[]) {
      ids[who] = (await probe.call<{ id: string }>(tokens[who], 'GET', '/api/v1/me', 200)).id;
    }
    const soon = turnAt([ids.tina, ids.tom], 9, Date.now() + 2 * DAY);
    tinaTurn = soon.userId === ids.tina ? soon.start : soon.start + DAY;
    tomTurn = tinaTurn + DAY;
  }, 30_000);
  afterAll(() => probe.close());

  // Each test has a schedule of its own, with only the overrides it makes itself.
  let schedules = 0;
  beforeEach(async () => {
    const schedule = await probe.call<{ id: string; layers: { id: string }[] }>(
      tokens.manager,
      'POST',
      '/api/v1/schedules',
      201,
      scheduleBody(`Tina and Tom ${++schedules}`, [dailyLayer([ids.tina, ids.tom], 9)]),
    );
    [scheduleId, layerId] = [schedule.id, schedule.layers[0].id];
  });

  const path = () => `/api/v1/schedules/${scheduleId}/overrides`;
  const window = (start: number, hours: number) => ({ start: iso(start), end: iso(start + hours * HOUR) });
  const override = (who: keyof typeof tokens, body: object) =>
    probe.call<Override>(tokens[who], 'POST', path(), 201, body);
  const refused = (who: keyof typeof tokens, body: object, status: number) =>
    probe.problem(tokens[who], 'POST', path(), status, body);
  /** The manager gives two hours of Tom's turn to the outsider. */
  const cover = () =>
    override('manager', {
      userId: ids.outsider,
      ...window(tomTurn + 2 * HOUR, 2),
      reason: 'Covering while Tom travels',
    });
  /** Tina takes two hours of Tom's turn herself. */
  const take = () => override('tina', { userId: ids.tina, ...window(tomTurn + 6 * HOUR, 2) });
  /** Tina hands two hours of her own turn to Tom. */
  const handOver = () => override('tina', { userId: ids.tom, ...window(tinaTurn + HOUR, 2), reason: 'Swap' });

  it('lets a manager give any window to anyone, recording who created it', async () => {
    const created = await cover();
    expect(created).toEqual({
      id: UUID,
      scheduleId,
      userId: ids.outsider,
      ...window(tomTurn + 2 * HOUR, 2),
      reason: 'Covering while Tom travels',
      createdBy: ids.manager,
      createdAt: ISO_INSTANT,
    });
  });

  it('lets a technician in the schedule take a window themselves, even from a colleague’s shift', async () => {
    const taken = await take();
    expect(taken).toMatchObject({ userId: ids.tina, createdBy: ids.tina, reason: '' });
  });

  it('lets a technician hand part of their own shift to a colleague', async () => {
    const handed = await handOver();
    expect(handed).toMatchObject({ userId: ids.tom, createdBy: ids.tina, ...window(tinaTurn + HOUR, 2) });
  });

  it('refuses a technician who is not in the schedule (403)', async () => {
    const problem = await refused(
      'outsider',
      { userId: ids.outsider, ...window(tinaTurn + 10 * HOUR, 2) },
      403,
    );
    expect(problem.detail).toContain('not in this schedule');
  });

  it('refuses a technician moving a shift that is not theirs (403), including time already handed away', async () => {
    await handOver();
    const tomsTime = await refused('tina', { userId: ids.outsider, ...window(tomTurn + 10 * HOUR, 2) }, 403);
    expect(tomsTime.detail).toContain('your own shift');
    await refused('tina', { userId: ids.outsider, ...window(tinaTurn + 18 * HOUR, 8) }, 403); // runs into Tom's turn
    await refused('tina', { userId: ids.outsider, ...window(tinaTurn + 2 * HOUR, 1) }, 403); // handed to Tom
    await refused('tom', { userId: ids.outsider, ...window(tinaTurn + 4 * HOUR, 1) }, 403);
  });

  it('refuses handing over time a technician only holds through an override (take, then give away)', async () => {
    await take(); // tomTurn + 6 h … + 8 h: that does not make it hers to give to anyone
    const problem = await refused('tina', { userId: ids.outsider, ...window(tomTurn + 6 * HOUR, 1) }, 403);
    expect(problem.detail).toContain('your own shift');
    await refused('tina', { userId: ids.tom, ...window(tomTurn + 6 * HOUR, 2) }, 403);
  });

  it('lists the overrides of a window, shows them in the final schedule, and deletes them', async () => {
    const from = iso(tinaTurn);
    const to = iso(tomTurn + DAY);
    await cover();
    await take();
    await handOver();
    const list = async () =>
      (await probe.call<{ items: Override[] }>(tokens.tom, 'GET', `${path()}?from=${from}&to=${to}`, 200))
        .items;
    const overrides = await list();
    expect(overrides.map((item) => [item.userId, item.start])).toEqual([
      [ids.tom, iso(tinaTurn + HOUR)],
      [ids.outsider, iso(tomTurn + 2 * HOUR)],
      [ids.tina, iso(tomTurn + 6 * HOUR)],
    ]);
    const [handed, covering, taken] = overrides;

    const { shifts } = await probe.call<{ shifts: { start: string; userId: string; source: object }[] }>(
      tokens.tom,
      'GET',
      `/api/v1/schedules/${scheduleId}/shifts?from=${from}&to=${to}`,
      200,
    );
    const byLayer = { kind: 'layer', layerId };
    expect(shifts.map(({ start, userId, source }) => ({ start, userId, source }))).toEqual([
      { start: iso(tinaTurn), userId: ids.tina, source: byLayer },
      { start: handed.start, userId: ids.tom, source: { kind: 'override', overrideId: handed.id } },
      { start: handed.end, userId: ids.tina, source: byLayer },
      { start: iso(tomTurn), userId: ids.tom, source: byLayer },
      { start: covering.start, userId: ids.outsider, source: { kind: 'override', overrideId: covering.id } },
      { start: covering.end, userId: ids.tom, source: byLayer },
      { start: taken.start, userId: ids.tina, source: { kind: 'override', overrideId: taken.id } },
      { start: taken.end, userId: ids.tom, source: byLayer },
    ]);

    // Tom did not create Tina's override; the outsider receives the manager's but did not create it.
    await probe.problem(tokens.tom, 'DELETE', `${path()}/${taken.id}`, 403);
    await probe.problem(tokens.outsider, 'DELETE', `${path()}/${covering.id}`, 403);
    await probe.problem(tokens.tom, 'DELETE', `${path()}/${handed.id}`, 403);
    await probe.call(tokens.tina, 'DELETE', `${path()}/${taken.id}`, 204);
    await probe.call(tokens.manager, 'DELETE', `${path()}/${covering.id}`, 204);
    await probe.problem(tokens.manager, 'DELETE', `${path()}/${covering.id}`, 404);
    expect((await list()).map((item) => item.id)).toEqual([handed.id]);
  });

  it('refuses overrides for people outside the organization, and windows that are not ones', async () => {
    const stranger = probe.platform.token('other-msp', 'manager', 'stranger');
    const foreign = (await probe.call<{ id: string }>(stranger, 'GET', '/api/v1/me', 200)).id;
    await refused('manager', { userId: foreign, ...window(tomTurn, 1) }, 400).then((problem) =>
      expect(problem.errors).toEqual([{ field: 'userId', message: expect.stringContaining(foreign) }]),
    );
    const backwards = { userId: ids.tina, start: iso(tomTurn + HOUR), end: iso(tomTurn) };
    await probe.problem(tokens.manager, 'POST', path(), 400, backwards, 'end');
    const past = { userId: ids.tina, ...window(Date.now() - 3 * DAY, 2) };
    await probe.problem(tokens.manager, 'POST', path(), 400, past, 'end');
    await probe.problem(tokens.manager, 'POST', path(), 400, { ...window(tomTurn, 1) }, 'userId');
  });
});
