import { Commands, Queries } from '@oncall/contracts';
import { stageForAll } from '@oncall/platform-testing';
import {
  DAY,
  dailyLayer,
  dailyShifts,
  HOUR,
  scheduleBody,
  TwoTechnicians,
  turnAt,
} from './support/schedule-fixtures';

const ORG = 'schedules-render-msp';

interface Schedule {
  id: string;
  layers: { id: string }[];
}

describe('Schedules: the final schedule and who is on call', () => {
  const scene = stageForAll(() => TwoTechnicians.start('sched-render', ORG, 'render.test'));

  it('renders a daily rotation of two users as its shifts, cut to the window asked for', async () => {
    const schedule = await scene.createDaily<Schedule>('Daily pair', [scene.ann, scene.bob]);
    const layerId = schedule.layers[0].id;
    const from = Date.parse('2027-03-01T09:00:00Z');
    const aligned = await scene.render(schedule.id, from, from + 4 * DAY);
    expect(aligned).toEqual(
      scene.named(dailyShifts([scene.ann, scene.bob], 9, layerId, from, from + 4 * DAY)),
    );
    expect(aligned.map((shift) => shift.userName)).toEqual(
      aligned[0].userName === 'Ann' ? ['Ann', 'Bob', 'Ann', 'Bob'] : ['Bob', 'Ann', 'Bob', 'Ann'],
    );

    const cut = await scene.render(schedule.id, from + 3 * HOUR, from + 2 * DAY + HOUR);
    expect(cut).toEqual(
      scene.named(dailyShifts([scene.ann, scene.bob], 9, layerId, from + 3 * HOUR, from + 2 * DAY + HOUR)),
    );
    expect(cut.map((shift) => [shift.start, shift.end])).toEqual([
      ['2027-03-01T12:00:00.000Z', '2027-03-02T09:00:00.000Z'],
      ['2027-03-02T09:00:00.000Z', '2027-03-03T09:00:00.000Z'],
      ['2027-03-03T09:00:00.000Z', '2027-03-03T10:00:00.000Z'],
    ]);
  });

  it('answers who is on call at an instant (now by default), with the person from the directory', async () => {
    const schedule = await scene.createDaily<Schedule>('Who', [scene.ann, scene.bob]);
    const at = '2027-03-02T08:59:59.000Z';
    const expected = turnAt([scene.ann, scene.bob], 9, Date.parse(at)).userId;
    expect(await scene.call('GET', `/api/v1/schedules/${schedule.id}/on-call?at=${at}`, 200)).toEqual({
      scheduleId: schedule.id,
      at,
      userId: expected,
      user: {
        id: expected,
        name: scene.nameOf(expected),
        email: `${scene.nameOf(expected).toLowerCase()}@render.test`,
      },
    });
    const now = await scene.call<{ at: string; userId: string }>(
      'GET',
      `/api/v1/schedules/${schedule.id}/on-call`,
      200,
    );
    expect(Math.abs(Date.parse(now.at) - Date.now())).toBeLessThan(10_000);
    expect(now.userId).toBe(turnAt([scene.ann, scene.bob], 9, Date.parse(now.at)).userId);

    const nights = await scene.call<Schedule>('POST', '/api/v1/schedules', 201, {
      ...scheduleBody('Nights only', [
        {
          ...dailyLayer([scene.ann], 9),
          restrictions: [{ kind: 'daily', startTime: '20:00', durationMinutes: 600 }],
        },
      ]),
    });
    expect(
      await scene.call('GET', `/api/v1/schedules/${nights.id}/on-call?at=2027-03-02T12:00:00Z`, 200),
    ).toEqual({ scheduleId: nights.id, at: '2027-03-02T12:00:00.000Z', userId: null, user: null });
  });

  it('refuses a window that is not one: 400 naming from or to', async () => {
    const schedule = await scene.createDaily<Schedule>('Windows', [scene.ann]);
    const path = `/api/v1/schedules/${schedule.id}/shifts`;
    // Not an instant; a window ending before it starts; a window longer than allowed.
    for (const [query, field] of [
      ['from=yesterday', 'from'],
      ['from=2027-03-02T00:00:00Z&to=2027-03-01T00:00:00Z', 'to'],
      ['from=2027-01-01T00:00:00Z&to=2029-01-01T00:00:00Z', 'to'],
    ])
      await scene.problem('GET', `${path}?${query}`, 400, undefined, field);
  });

  it('refuses instants that are not strict on the bus, naming the field (VALIDATION_FAILED)', async () => {
    const { id: scheduleId } = await scene.createDaily<Schedule>('Strict', [scene.ann]);
    const actor = { userId: scene.ann, name: 'Ann', role: 'manager' };
    const day = { from: '2027-03-01T00:00:00Z', to: '2027-03-02T00:00:00Z' };
    const bus = await scene.probe.platform.connectBus();
    try {
      for (const [subject, data, field] of [
        [Queries.scheduling.who, { scheduleId, at: '2027-02-30T00:00:00Z' }, 'at'],
        [Queries.scheduling.renderSchedule, { scheduleId, ...day, from: '2027-03-01T00:00:00' }, 'from'],
        [Queries.scheduling.userShifts, { userId: scene.ann, ...day, to: '2027-03-01T24:00:00Z' }, 'to'],
        [Queries.scheduling.listOverrides, { scheduleId, ...day, to: '2027-03-02 00:00' }, 'to'],
        [Commands.scheduling.createOverride, { actor, scheduleId, userId: scene.ann, start: '2030-04-31T00:00:00Z', end: '2030-05-02T00:00:00Z' }, 'start'],
      ] as [string, object, string][]) {
        const refusal = await bus.rpc.request(subject, data, { orgId: ORG, correlationId: 'strict', causationId: null }).then(
          () => 'accepted',
          (error: unknown) => error,
        );
        expect([subject, refusal]).toEqual([
          subject,
          expect.objectContaining({ code: 'VALIDATION_FAILED', details: { errors: [{ field, message: expect.stringMatching(new RegExp(`^${field} must be`)) }] } }),
        ]);
      }
    } finally {
      await bus.close();
    }
  }); // prettier-ignore
});
