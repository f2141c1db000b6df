import { Queries } from '@oncall/contracts';
import { MessageBus } from '@oncall/platform-messaging';
import { DirectoryProbe } from './support/directory-probe';
import {
  DAY,
  dailyLayer,
  dailyShifts,
  iso,
  scheduleBody,
  startSchedulingProbe,
  turnAt,
} from './support/schedule-fixtures';

const ORG = 'schedules-live-msp';

interface UserShift {
  start: string;
  end: string;
  userId: string;
  scheduleId: string;
  scheduleName: string;
  source: object;
}

describe('Schedules: on call now, each person’s shifts and their calendar feed', () => {
  let probe: DirectoryProbe;
  let manager: string;
  let annToken: string;
  let ann: string;
  let bob: string;
  /** Handoffs about 12 hours away from now, so no window edge of this test falls on one. */
  const hour = (new Date().getUTCHours() + 12) % 24;
  const schedules: Record<'pair' | 'solo' | 'empty' | 'always', { id: string; layers: { id: string }[] }> =
    {} as never;

  beforeAll(async () => {
    probe = await startSchedulingProbe('sched-live', ['scheduling', 'escalation']);
    manager = probe.platform.token(ORG, 'manager', 'boss');
    annToken = probe.platform.token(ORG, 'technician', 'ann');
    ann = (await probe.call<{ id: string }>(annToken, 'GET', '/api/v1/me', 200)).id;
    bob = (
      await probe.call<{ id: string }>(
        probe.platform.token(ORG, 'technician', 'bob'),
        'GET',
        '/api/v1/me',
        200,
      )
    ).id;
    const create = (name: string, layers: object[]) =>
      probe.call<{ id: string; layers: { id: string }[] }>(
        manager,
        'POST',
        '/api/v1/schedules',
        201,
        scheduleBody(name, layers as never),
      );
    schedules.pair = await create('Pair', [dailyLayer([ann, bob], hour)]);
    schedules.solo = await create('Solo', [dailyLayer([bob, bob, ann], hour)]);
    schedules.empty = await create('Empty', [dailyLayer([], hour)]);
    schedules.always = await create('Always Ann', [dailyLayer([ann], hour)]);
  }, 30_000);
  afterAll(() => probe.close());

  const expectedEntry = (id: 'pair' | 'solo', participants: string[]) => {
    const now = Date.now();
    const current = turnAt(participants, hour, now);
    let next = turnAt(participants, hour, current.end);
    while (next.userId === current.userId) next = turnAt(participants, hour, next.end);
    const name = (userId: string) => (userId === ann ? 'ann' : 'bob');
    return {
      scheduleId: schedules[id].id,
      scheduleName: id === 'pair' ? 'Pair' : 'Solo',
      timeZone: 'UTC',
      onCall: {
        userId: current.userId,
        name: name(current.userId),
        source: { kind: 'layer', layerId: schedules[id].layers[0].id },
        until: iso(next.start),
      },
      next: { userId: next.userId, name: name(next.userId), start: iso(next.start) },
    };
  };

  it('lists every schedule with who is on call now and who is next, and the policies and services paging it', async () => {
    const policy = await probe.call<{ id: string }>(manager, 'POST', '/api/v1/escalation-policies', 201, {
      name: 'Servers',
      steps: [{ delayMinutes: 5, targets: [{ type: 'schedule', id: schedules.pair.id }] }],
    });
    const service = await probe.call<{ id: string }>(manager, 'POST', '/api/v1/services', 201, {
      name: 'File servers',
      escalationPolicyId: policy.id,
    });
    const { items } = await probe.call<{ items: object[] }>(manager, 'GET', '/api/v1/on-call', 200);
    expect(items).toEqual([
      {
        ...expectedEntry('pair', [ann, bob]),
        policies: [
          {
            policyId: policy.id,
            name: 'Servers',
            services: [{ serviceId: service.id, name: 'File servers' }],
          },
        ],
        policiesKnown: true,
      },
      { ...expectedEntry('solo', [bob, bob, ann]), policies: [], policiesKnown: true },
      {
        scheduleId: schedules.empty.id,
        scheduleName: 'Empty',
        timeZone: 'UTC',
        onCall: null,
        next: null,
        policies: [],
        policiesKnown: true,
      },
      {
        scheduleId: schedules.always.id,
        scheduleName: 'Always Ann',
        timeZone: 'UTC',
        // Nobody takes over in sight: no end to show.
        onCall: {
          userId: ann,
          name: 'ann',
          source: { kind: 'layer', layerId: schedules.always.layers[0].id },
          until: null,
        },
        next: null,
        policies: [],
        policiesKnown: true,
      },
    ]);

    const unused = '00000000-0000-4000-8000-00000000000f';
    const servicesByPolicies = (orgId: string) =>
      probe.platform
        .service('admin-api')
        .app.get(MessageBus)
        .rpc.request(
          Queries.directory.servicesByPolicies,
          { policyIds: [policy.id, unused] },
          { orgId, correlationId: 'test', causationId: null },
        );
    expect(await servicesByPolicies(ORG)).toEqual({
      [policy.id]: [{ serviceId: service.id, name: 'File servers' }],
      [unused]: [],
    });
    expect(await servicesByPolicies('other-msp')).toEqual({ [policy.id]: [], [unused]: [] });

    const inUse = await probe.problem(manager, 'DELETE', `/api/v1/schedules/${schedules.pair.id}`, 409);
    expect(inUse).toMatchObject({ code: 'SCHEDULE_IN_USE', detail: expect.stringContaining('"Servers"') });
  });

  it('lists each person’s shifts across schedules, for a window or the next 14 days', async () => {
    const from = Date.now() + DAY;
    const to = from + 4 * DAY;
    const { items } = await probe.call<{ items: UserShift[] }>(
      manager,
      'GET',
      `/api/v1/users/${ann}/shifts?from=${iso(from)}&to=${iso(to)}`,
      200,
    );
    const annsShifts = (id: 'pair' | 'solo' | 'always', name: string, participants: string[]) =>
      dailyShifts(participants, hour, schedules[id].layers[0].id, from, to)
        .filter((shift) => shift.userId === ann)
        .map((shift) => ({ ...shift, scheduleId: schedules[id].id, scheduleName: name }));
    const expected = [
      ...annsShifts('pair', 'Pair', [ann, bob]),
      ...annsShifts('solo', 'Solo', [bob, bob, ann]),
      { ...annsShifts('always', 'Always Ann', [ann])[0], start: iso(from), end: iso(to) },
    ].sort((a, b) => a.start.localeCompare(b.start));
    expect(items).toEqual(expected);
    expect(items.length).toBeGreaterThanOrEqual(4);

    const mine = await probe.call<{ items: UserShift[] }>(annToken, 'GET', '/api/v1/me/shifts', 200);
    const all = await probe.call<{ items: UserShift[] }>(manager, 'GET', `/api/v1/users/${ann}/shifts`, 200);
    expect(mine.items.map((shift) => shift.scheduleId)).toEqual(all.items.map((shift) => shift.scheduleId));
    const last = Date.parse(mine.items[mine.items.length - 1].end);
    expect(last).toBeLessThanOrEqual(Date.now() + 14 * DAY);
    expect(last).toBeGreaterThan(Date.now() + 12 * DAY);
  });

  it('serves a person’s shifts as an iCalendar feed at a secret URL, which rotating kills', async () => {
    const issued = await probe.call<{ url: string }>(annToken, 'POST', '/api/v1/me/calendar-feed', 201);
    // No PUBLIC_URL here: the link is relative (test/handed-out-urls covers the configured case).
    expect(issued.url).toMatch(/^\/api\/v1\/calendar\/shifts\.ics\?token=[\w-]{16,}$/);
    const url = `${probe.platform.url('admin-api')}${issued.url}`;
    // The feed covers the past week (from the start of that UTC day) and the next 60 days.
    const from = Math.floor(Date.now() / DAY) * DAY - 7 * DAY;
    const to = Date.now() + 60 * DAY;
    const { items } = await probe.call<{ items: UserShift[] }>(
      annToken,
      'GET',
      `/api/v1/me/shifts?from=${iso(from)}&to=${iso(to)}`,
      200,
    );
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const calendar = parseICalendar(await response.text());
    expect(calendar.name).toBe('VCALENDAR');
    expect(calendar.children.map((event) => event.name)).toEqual(items.map(() => 'VEVENT'));
    calendar.children.forEach((event, i) => {
      const shift = items[i];
      const [start, end] = [Date.parse(shift.start), Date.parse(shift.end)];
      expect(event.fields.SUMMARY).toBe(`On call: ${shift.scheduleName}`);
      // Shifts cut at the window's edges are cut at the feed's own "now", a moment apart from ours.
      if (start - from < 10_000) expect(instantOf(event.fields.DTSTART)).toBeCloseTo(start, -4);
      else expect(event.fields.DTSTART).toBe(icsInstant(shift.start));
      if (to - end < 10_000) expect(instantOf(event.fields.DTEND)).toBeCloseTo(end, -4);
      else expect(event.fields.DTEND).toBe(icsInstant(shift.end));
    });

    const rotated = await probe.call<{ url: string }>(annToken, 'POST', '/api/v1/me/calendar-feed', 201);
    expect(rotated.url).not.toBe(issued.url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(`${probe.platform.url('admin-api')}${rotated.url}`)).status).toBe(200);
    const base = `${probe.platform.url('admin-api')}/api/v1/calendar/shifts.ics`;
    expect((await fetch(`${base}?token=${'x'.repeat(32)}`)).status).toBe(404);
    expect((await fetch(base)).status).toBe(400);
  });

  it('keeps the live view up without escalation, and refuses deletes it cannot check (503)', async () => {
    await probe.platform.stop('escalation');
    const { items } = await probe.call<{ items: object[] }>(manager, 'GET', '/api/v1/on-call', 200);
    expect(items).toEqual([
      { ...expectedEntry('pair', [ann, bob]), policies: null, policiesKnown: false },
      { ...expectedEntry('solo', [bob, bob, ann]), policies: null, policiesKnown: false },
      expect.objectContaining({ scheduleId: schedules.empty.id, policies: null, policiesKnown: false }),
      expect.objectContaining({ scheduleId: schedules.always.id, policies: null, policiesKnown: false }),
    ]);
    const refused = await probe.problem(manager, 'DELETE', `/api/v1/schedules/${schedules.empty.id}`, 503);
    expect(refused.code).toBe('UNAVAILABLE');
    await probe.call(manager, 'GET', `/api/v1/schedules/${schedules.empty.id}`, 200);
  });
});

interface ICalComponent {
  name: string;
  fields: Record<string, string>;
  children: ICalComponent[];
}

/** A minimal RFC 5545 reader: unfolds lines, nests BEGIN/END, keeps the last value of each property. */
function parseICalendar(text: string): ICalComponent {
  const lines = text
    .replace(/\r?\n[ \t]/g, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const stack: ICalComponent[] = [];
  let root: ICalComponent | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [key, value] = [line.slice(0, colon).split(';')[0], line.slice(colon + 1)];
    if (key === 'BEGIN') {
      const component = { name: value, fields: {}, children: [] };
      if (stack.length > 0) stack[stack.length - 1].children.push(component);
      else root = component;
      stack.push(component);
    } else if (key === 'END') {
      expect(stack.pop()?.name).toBe(value);
    } else {
      stack[stack.length - 1].fields[key] = value;
    }
  }
  expect(stack).toEqual([]);
  return root!;
}

/** iCalendar's UTC form: 20270301T090000Z. */
function icsInstant(instant: string): string {
  return instant.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

function instantOf(value: string): number {
  expect(value).toMatch(/^\d{8}T\d{6}Z$/);
  return Date.parse(value.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
}
