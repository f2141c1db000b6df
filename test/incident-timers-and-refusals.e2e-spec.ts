import { stageForAll, waitFor } from '@oncall/platform-testing';
import { randomUUID } from 'node:crypto';
import { SnoozeTimerWorker } from '../apps/incident-state/src/workers/snooze-timer.worker';
import { IncidentStage } from './support/incident-stage';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

describe('Incident refusals name the field, and a failing snooze timer holds up no other', () => {
  const stage = stageForAll(() => IncidentStage.start('timersrefusals'));
  const alice = () => stage.token('technician', 'demo-tech-1');

  it('refuses a whitespace-only note with 400 naming text in errors', async () => {
    const incident = await stage.incidents.trigger('Refusals: backup overdue', {}, alice());
    const response = await stage.incidents.act(alice(), incident.incidentId, 'notes', { text: ' \n\t ' });
    const problem = response.body as unknown as Problem;
    expect([response.status, problem.code]).toEqual([400, 'VALIDATION']);
    expect(problem.errors).toEqual([{ field: 'text', message: expect.stringMatching(/^Invalid text /) }]);
    expect(problem.detail).toContain('text');
  });

  it.each([
    ['a NUL', 'Rebooted \u0000 the firewall'],
    ['an unpaired surrogate', 'Rebooted \ud800 the firewall'],
  ])(
    'refuses a note with %s (text PostgreSQL cannot store) with 400 naming text, not 500',
    async (_, text) => {
      const incident = await stage.incidents.trigger(
        `Refusals: unstorable note ${randomUUID()}`,
        {},
        alice(),
      );
      const response = await stage.incidents.act(alice(), incident.incidentId, 'notes', { text });
      const problem = response.body as unknown as Problem;
      expect([response.status, problem.errors?.map((error) => error.field)]).toEqual([400, ['text']]);
    },
  );

  it.each([
    ['an id that is not a UUID', ['2027-01-01T00:00:00.000Z', 'not-a-uuid']],
    ['a time PostgreSQL cannot read', ['the day after tomorrow', randomUUID()]],
    ['30 February', ['2027-02-30T00:00:00.000Z', randomUUID()]],
    ['year 0', ['0000-01-01T00:00:00.000Z', randomUUID()]],
    ['a cursor of another list', ['incident-timeline', 3]],
  ])('refuses a tampered cursor (%s) with 400 naming cursor', async (_, position) => {
    const cursor = Buffer.from(JSON.stringify(position)).toString('base64url');
    const response = await stage.platform.api(`/api/v1/incidents?cursor=${cursor}`, alice());
    const problem = (await response.json()) as Problem;
    expect(response.status).toBe(400);
    expect(problem.errors).toEqual([{ field: 'cursor', message: expect.stringMatching(/^cursor is /) }]);
  });

  it('fires a due snooze timer after one whose command fails, and postpones the failing one', async () => {
    const incident = await stage.incidents.trigger('Timers: UPS on battery', {}, alice());
    await stage.incidents.act(alice(), incident.incidentId, 'acknowledge');
    const snoozed = await stage.incidents.act(alice(), incident.incidentId, 'snooze', { durationMinutes: 1 });
    expect(snoozed.status).toBe(200);
    const timers = (incidentId: string) =>
      stage.platform.withSchema('incident_state', (db) =>
        db.query('SELECT due_at FROM incident_timers WHERE incident_id = $1', [incidentId]),
      ) as Promise<{ due_at: Date }[]>;
    await waitFor('the snooze timer projected', async () =>
      (await timers(incident.incidentId)).length === 1 ? true : undefined,
    );
    // Due first, and its EndSnooze fails: no such incident (stream) exists.
    const broken = randomUUID();
    await stage.platform.withSchema('incident_state', (db) =>
      db.query(
        `INSERT INTO incident_timers (incident_id, kind, org_id, due_at)
         VALUES ($1, 'snooze', 'org-elsewhere', '2000-01-01T00:00:00Z')`,
        [broken],
      ),
    );

    const worker = stage.platform.service('incident-state').app.get(SnoozeTimerWorker);
    const now = new Date(Date.now() + 2 * 60_000);
    await worker.fireDue(now);
    const detail = await waitFor('the snoozed incident paging again', async () => {
      const current = await stage.incidents.detail(alice(), incident.incidentId);
      return current.incident.status === 'triggered' ? current : undefined;
    });
    // Newest first: the first entry of the first page is the latest event.
    expect(detail.timeline.items[0]).toMatchObject({
      type: 'IncidentUnacknowledged',
      detail: { reason: 'snooze-ended' },
    });
    const [postponed] = await timers(broken);
    expect(postponed.due_at.getTime()).toBeGreaterThan(Date.parse('2000-01-01T00:00:00Z'));
  });
});
