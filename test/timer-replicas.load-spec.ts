import { ExecuteIncidentCommand } from '@oncall/contracts';
import { RunningService } from '@oncall/platform-runtime';
import { stageForAll, waitFor } from '@oncall/platform-testing';
import { IncidentCommandExecutor } from '../apps/incident-state/src/execute-command/incident-command-executor';
import { SnoozeTimerWorker } from '../apps/incident-state/src/workers/snooze-timer.worker';
import { IncidentStage } from './support/incident-stage';

const INCIDENTS = 30;
/** The shortest snooze the API accepts (SnoozeDto: durationMinutes >= 1). */
const SNOOZE_MINUTES = 1;

/**
 * Three incident-state replicas in one harness, each with its own snooze worker polling every second on the
 * real clock: no fast-forward, no `fireDue` called by the test, no timer row edited. Every snooze is a real
 * one-minute snooze, so the test takes over a minute (hence a load spec).
 *
 * Each replica's command executor is wrapped to count the EndSnooze commands it runs (it still runs them).
 * A timer row is claimed with `SELECT ... FOR UPDATE SKIP LOCKED` and deleted in the same transaction as
 * the command runs (SnoozeTimerStore.claimAndFinish), so exactly one replica runs each timer's command.
 * Were the row claimable twice (the lock dropped, or the delete moved out of the claiming transaction),
 * two replicas that read the same due row would both run EndSnooze: the counts below would show 2 for
 * that incident. The event count alone could not show it, because decideEndSnooze is idempotent (a second
 * EndSnooze finds the incident already triggered and decides nothing), hence the executor counts.
 */
describe('Snooze timers with three incident-state replicas on the real clock (real one-minute snoozes)', () => {
  const stage = stageForAll(() => IncidentStage.start('timerreps'), 180_000);
  /** EndSnooze commands run, per incident, with the replica (0..2) that ran each. */
  const endSnoozes = new Map<string, number[]>();
  /** Polls of the snooze timers each replica's worker has finished. */
  const polls = [0, 0, 0];

  /** Counts, per replica, the EndSnooze commands its executor runs (it still runs them) and its worker's polls. */
  const countEndSnoozesAndPolls = (services: RunningService[]) =>
    services.forEach((service, replica) => {
      const executor = service.app.get(IncidentCommandExecutor);
      const execute = executor.execute.bind(executor);
      executor.execute = (request: ExecuteIncidentCommand, context) => {
        if (request.command.type === 'EndSnooze') {
          const incidentId = (request.command.data as { incidentId: string }).incidentId;
          endSnoozes.set(incidentId, [...(endSnoozes.get(incidentId) ?? []), replica]);
        }
        return execute(request, context);
      };
      const worker = service.app.get(SnoozeTimerWorker);
      const fireDue = worker.fireDue.bind(worker);
      worker.fireDue = async (now) => {
        try {
          return await fireDue(now);
        } finally {
          polls[replica]++;
        }
      };
    });

  it(`ends each of ${INCIDENTS} snoozes exactly once, whichever replica fires it`, async () => {
    const { platform, demo, incidents } = stage;
    const alice = stage.token('technician', 'demo-tech-1');
    const replicas = [
      await platform.startReplica('incident-state'),
      await platform.startReplica('incident-state'),
    ];
    try {
      countEndSnoozesAndPolls([platform.service('incident-state'), ...replicas]);
      const ids: string[] = [];
      for (let i = 0; i < INCIDENTS; i++) {
        const incident = await incidents.trigger(`Timer replicas ${i}`, {}, alice);
        expect((await incidents.act(alice, incident.incidentId, 'acknowledge')).status).toBe(200);
        ids.push(incident.incidentId);
      }
      // All snoozed together, so all come due within about a second of each other: every replica's worker
      // finds the same due rows in the same polls, which is when a double claim would happen.
      const snoozedAt = Date.now();
      const snoozed = await Promise.all(
        ids.map((id) => incidents.act(alice, id, 'snooze', { durationMinutes: SNOOZE_MINUTES })),
      );
      expect(snoozed.map((response) => response.status)).toEqual(ids.map(() => 200));
      const dueBy = Date.now() + SNOOZE_MINUTES * 60_000;

      const query = <T>(schema: string, sql: string, params: unknown[] = [ids]) =>
        platform.withSchema(schema, (db) => db.query(sql, params) as Promise<T>);
      // No separate wait for the timers to be projected (the draft's 10 s wait for that timed out under
      // load): the only bound is the snoozes' end plus slack for a loaded machine.
      await waitFor(
        'every snooze ended',
        async () => {
          const [row] = await query<{ n: number }[]>(
            'incident_state',
            `SELECT count(*)::int AS n FROM incidents WHERE status = 'triggered' AND id = ANY($1::uuid[])`,
          );
          return row.n === INCIDENTS;
        },
        { timeoutMs: dueBy - Date.now() + 60_000, intervalMs: 500 },
      );
      expect(Date.now() - snoozedAt).toBeGreaterThanOrEqual(SNOOZE_MINUTES * 60_000);
      // The timer rows went in the transactions that ended the snoozes. A worker's polls run one after
      // another: the first to finish from now may have begun before, the second began after every row was
      // gone. Once each worker has finished two, a second firing would have landed.
      const seen = [...polls];
      await waitFor('two more polls of every replica', () => polls.every((n, r) => n >= seen[r] + 2), {
        timeoutMs: 30_000,
        intervalMs: 100,
      });

      const ended = await query<{ stream_id: string; n: number }[]>(
        'incident_state',
        `SELECT stream_id, count(*)::int AS n FROM events
         WHERE org_id = $1 AND type = 'IncidentUnacknowledged' AND data->>'reason' = 'snooze-ended'
         GROUP BY stream_id`,
        [demo.orgId],
      );
      expect(ended).toHaveLength(INCIDENTS);
      expect(ended.filter((row) => row.n !== 1)).toEqual([]);
      const timeline = await query<{ id: string; n: number }[]>(
        'incident_state',
        `SELECT incident_id AS id, count(*)::int AS n FROM incident_timeline
         WHERE incident_id = ANY($1::uuid[]) AND detail->>'reason' = 'snooze-ended' GROUP BY incident_id`,
      );
      expect(timeline.map((row) => [row.id, row.n]).sort()).toEqual(ids.map((id) => [id, 1]).sort());
      expect([...endSnoozes.keys()].sort()).toEqual([...ids].sort());
      expect([...endSnoozes].filter(([, firedBy]) => firedBy.length !== 1)).toEqual([]);
      const [left] = await query<{ n: number }[]>(
        'incident_state',
        `SELECT count(*)::int AS n FROM incident_timers WHERE incident_id = ANY($1::uuid[])`,
      );
      expect(left.n).toBe(0);
      const byReplica = [0, 1, 2].map((r) => [...endSnoozes.values()].filter(([by]) => by === r).length);
      console.log(`snooze ends fired per replica: ${byReplica.join(' / ')} (${INCIDENTS} timers)`);
    } finally {
      for (const replica of replicas) await replica.close();
    }
  }, 300_000);
});
