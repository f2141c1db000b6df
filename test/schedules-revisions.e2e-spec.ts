import type { ScheduleView } from '@oncall/contracts';
import { stageForAll } from '@oncall/platform-testing';
import {
  DAY,
  dailyLayer,
  dailyShifts,
  HOUR,
  iso,
  NamedShift,
  scheduleBody,
  TwoTechnicians,
  turnAt,
} from './support/schedule-fixtures';

const ORG = 'schedules-revisions-msp';

/** Rule 9 as the API shows it: a definition is a revision, in force from when it was written. */
describe('Schedules: revisions, the frozen past, and edits that change nothing', () => {
  const scene = stageForAll(() => TwoTechnicians.start('sched-revisions', ORG, 'revisions.test'));

  /** PUT the schedule's one layer with these participants (and the layer's id). */
  const replace = (schedule: ScheduleView, name: string, participants: string[], extra: object = {}) =>
    scene.call<ScheduleView>('PUT', `/api/v1/schedules/${schedule.id}`, 200, {
      ...scheduleBody(name, [{ ...dailyLayer(participants, 9), id: schedule.layers[0].id }]),
      ...extra,
    });
  const revisionsOf = (scheduleId: string): Promise<{ revision: number; effective_from: Date }[]> =>
    scene.probe.platform.withSchema('scheduling', (db) =>
      db.query('SELECT revision, effective_from FROM schedule_revisions WHERE schedule_id = $1 ORDER BY revision', [scheduleId]),
    ); // prettier-ignore

  it('shows nothing before a schedule existed, and applies an edit from then on, the past staying as it was', async () => {
    const created = await scene.createDaily<ScheduleView>('Edited', [scene.ann, scene.bob]);
    const layerId = created.layers[0].id;
    const createdAt = Date.parse(created.createdAt);
    const from = Date.now() - 3 * DAY;
    const to = Date.now() + 3 * DAY;
    // The layer starts in 2020, but a schedule created now invents no past shifts.
    const before = await scene.render(created.id, from, to);
    expect(before).toEqual(scene.named(dailyShifts([scene.ann, scene.bob], 9, layerId, createdAt, to)));
    expect(
      await scene.call('GET', `/api/v1/schedules/${created.id}/on-call?at=${iso(from + DAY)}`, 200),
    ).toMatchObject({ userId: null });

    const edited = await replace(created, 'Edited', [scene.bob, scene.ann]);
    const editedAt = Date.parse(edited.updatedAt);
    expect(editedAt).toBeGreaterThanOrEqual(createdAt);
    expect(await scene.render(created.id, from, to)).toEqual(
      scene.named([
        ...dailyShifts([scene.ann, scene.bob], 9, layerId, createdAt, editedAt),
        ...dailyShifts([scene.bob, scene.ann], 9, layerId, editedAt, to),
      ]),
    );
    const cutAtEdit = (shift: NamedShift) => ({
      ...shift,
      end: iso(Math.min(Date.parse(shift.end), editedAt)),
    });
    expect(await scene.render(created.id, from, editedAt)).toEqual(
      before.filter((shift) => Date.parse(shift.start) < editedAt).map(cutAtEdit),
    );
    expect(
      await scene.call('GET', `/api/v1/schedules/${created.id}/on-call?at=${iso(to - HOUR)}`, 200),
    ).toMatchObject({ userId: turnAt([scene.bob, scene.ann], 9, to - HOUR).userId });
  });

  it('never lets an edit take effect before the revision it follows, whatever the clock says', async () => {
    const schedule = await scene.createDaily<ScheduleView>('Clock skew', [scene.ann]);
    // As if the revision in force had been written by a clock running an hour ahead.
    const ahead = new Date(Date.now() + HOUR);
    await scene.probe.platform.withSchema('scheduling', (db) =>
      db.query('UPDATE schedule_revisions SET effective_from = $2 WHERE schedule_id = $1', [
        schedule.id,
        ahead,
      ]),
    );
    const edited = await replace(schedule, 'Clock skew', [scene.bob]);
    expect(edited.updatedAt).toBe(ahead.toISOString());
    expect((await revisionsOf(schedule.id)).map((row) => row.effective_from)).toEqual([ahead, ahead]);
  });

  it('accepts the definition in force sent again as no change, whatever expectedVersion says', async () => {
    const schedule = await scene.createDaily<ScheduleView>('Unchanged', [scene.ann, scene.bob]);
    const edited = await replace(schedule, 'Unchanged', [scene.bob, scene.ann], { expectedVersion: 1 });
    expect(edited.version).toBe(2);
    for (const expectedVersion of [1, 2, 7]) {
      expect(await replace(schedule, 'Unchanged', [scene.bob, scene.ann], { expectedVersion })).toEqual(edited);
    }
    expect((await revisionsOf(schedule.id)).map((row) => row.revision)).toEqual([1, 2]);
    // Anything else that differs is a change, and a stale version is refused for it.
    const renamed = { ...scheduleBody('Renamed', [{ ...dailyLayer([scene.bob, scene.ann], 9), id: schedule.layers[0].id }]) };
    await scene.problem('PUT', `/api/v1/schedules/${schedule.id}`, 409, { ...renamed, expectedVersion: 1 });
    const withoutId = scheduleBody('Unchanged', [dailyLayer([scene.bob, scene.ann], 9)]);
    expect(await scene.call<ScheduleView>('PUT', `/api/v1/schedules/${schedule.id}`, 200, withoutId)).toMatchObject({
      version: 3,
    });
  }); // prettier-ignore
});
