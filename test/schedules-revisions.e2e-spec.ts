import { DirectoryProbe } from './support/directory-probe';
import {
  DAY,
  dailyLayer,
  dailyShifts,
  ExpectedShift,
  HOUR,
  iso,
  NamedShift,
  scheduleBody,
  TwoTechnicians,
  turnAt,
} from './support/schedule-fixtures';

const ORG = 'schedules-revisions-msp';

interface Schedule {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  layers: { id: string }[];
}

/** Rule 9 as the API shows it: a definition is a revision, in force from when it was written. */
describe('Schedules: revisions, the frozen past, and edits that change nothing', () => {
  let scene: TwoTechnicians;
  let probe: DirectoryProbe;
  let manager: string;
  let ann: string;
  let bob: string;

  beforeAll(async () => {
    scene = await TwoTechnicians.start('sched-revisions', ORG, 'revisions.test');
    ({ probe, manager, ann, bob } = scene);
  }, 30_000);
  afterAll(() => probe.close());

  const named = (shifts: ExpectedShift[]) => scene.named(shifts);
  const render = (scheduleId: string, from: number, to: number) => scene.render(scheduleId, from, to);
  const create = (name: string, participants: string[]) =>
    probe.call<Schedule>(
      manager,
      'POST',
      '/api/v1/schedules',
      201,
      scheduleBody(name, [dailyLayer(participants, 9)]),
    );
  /** PUT the schedule's one layer with these participants (and the layer's id). */
  const replace = (schedule: Schedule, name: string, participants: string[], extra: object = {}) =>
    probe.call<Schedule>(manager, 'PUT', `/api/v1/schedules/${schedule.id}`, 200, {
      ...scheduleBody(name, [{ ...dailyLayer(participants, 9), id: schedule.layers[0].id }]),
      ...extra,
    });
  const revisionsOf = (scheduleId: string): Promise<{ revision: number; effective_from: Date }[]> =>
    probe.platform.withSchema('scheduling', (db) =>
      db.query('SELECT revision, effective_from FROM schedule_revisions WHERE schedule_id = $1 ORDER BY revision', [scheduleId]),
    ); // prettier-ignore

  it('shows nothing before a schedule existed, and applies an edit from then on, the past staying as it was', async () => {
    const created = await create('Edited', [ann, bob]);
    const layerId = created.layers[0].id;
    const createdAt = Date.parse(created.createdAt);
    const from = Date.now() - 3 * DAY;
    const to = Date.now() + 3 * DAY;
    // The layer starts in 2020, but a schedule created now invents no past shifts.
    const before = await render(created.id, from, to);
    expect(before).toEqual(named(dailyShifts([ann, bob], 9, layerId, createdAt, to)));
    expect(
      await probe.call(manager, 'GET', `/api/v1/schedules/${created.id}/on-call?at=${iso(from + DAY)}`, 200),
    ).toMatchObject({ userId: null });

    const edited = await replace(created, 'Edited', [bob, ann]);
    const editedAt = Date.parse(edited.updatedAt);
    expect(editedAt).toBeGreaterThanOrEqual(createdAt);
    expect(await render(created.id, from, to)).toEqual(
      named([
        ...dailyShifts([ann, bob], 9, layerId, createdAt, editedAt),
        ...dailyShifts([bob, ann], 9, layerId, editedAt, to),
      ]),
    );
    const cutAtEdit = (shift: NamedShift) => ({
      ...shift,
      end: iso(Math.min(Date.parse(shift.end), editedAt)),
    });
    expect(await render(created.id, from, editedAt)).toEqual(
      before.filter((shift) => Date.parse(shift.start) < editedAt).map(cutAtEdit),
    );
    expect(
      await probe.call(manager, 'GET', `/api/v1/schedules/${created.id}/on-call?at=${iso(to - HOUR)}`, 200),
    ).toMatchObject({ userId: turnAt([bob, ann], 9, to - HOUR).userId });
  });

  it('never lets an edit take effect before the revision it follows, whatever the clock says', async () => {
    const schedule = await create('Clock skew', [ann]);
    // As if the revision in force had been written by a clock running an hour ahead.
    const ahead = new Date(Date.now() + HOUR);
    await probe.platform.withSchema('scheduling', (db) =>
      db.query('UPDATE schedule_revisions SET effective_from = $2 WHERE schedule_id = $1', [
        schedule.id,
        ahead,
      ]),
    );
    const edited = await replace(schedule, 'Clock skew', [bob]);
    expect(edited.updatedAt).toBe(ahead.toISOString());
    expect((await revisionsOf(schedule.id)).map((row) => row.effective_from)).toEqual([ahead, ahead]);
  });

  it('accepts the definition in force sent again as no change, whatever expectedVersion says', async () => {
    const schedule = await create('Unchanged', [ann, bob]);
    const edited = await replace(schedule, 'Unchanged', [bob, ann], { expectedVersion: 1 });
    expect(edited.version).toBe(2);
    for (const expectedVersion of [1, 2, 7]) {
      expect(await replace(schedule, 'Unchanged', [bob, ann], { expectedVersion })).toEqual(edited);
    }
    expect((await revisionsOf(schedule.id)).map((row) => row.revision)).toEqual([1, 2]);
    // Anything else that differs is a change, and a stale version is refused for it.
    const renamed = { ...scheduleBody('Renamed', [{ ...dailyLayer([bob, ann], 9), id: schedule.layers[0].id }]) };
    await probe.problem(manager, 'PUT', `/api/v1/schedules/${schedule.id}`, 409, { ...renamed, expectedVersion: 1 });
    const withoutId = scheduleBody('Unchanged', [dailyLayer([bob, ann], 9)]);
    expect(await probe.call<Schedule>(manager, 'PUT', `/api/v1/schedules/${schedule.id}`, 200, withoutId)).toMatchObject({
      version: 3,
    });
  }); // prettier-ignore
});
