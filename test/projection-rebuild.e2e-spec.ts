import {
  Actor,
  decide,
  evolve,
  IncidentCommand,
  IncidentCommandOf,
  IncidentCommandType,
  IncidentEvent,
  IncidentState,
  initialIncidentState,
  isIncidentDomainError,
} from '@oncall/incident-domain';
import { PostgresEventStore, ProjectionRunner } from '@oncall/platform-event-store';
import { relayEventsThroughOutbox } from '@oncall/platform-outbox';
import { createLogger } from '@oncall/platform-observability';
import { openServiceDataSource } from '@oncall/platform-persistence';
import { MigratedTestDatabase, migratedTestDatabase, REPO_ROOT, stageForAll } from '@oncall/platform-testing';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  incidentOutboxSubject,
  incidentStreamId,
} from '../apps/incident-state/src/event-store/incident-streams';
import {
  INCIDENT_STATE_MIGRATIONS,
  INCIDENT_STATE_SCHEMA,
} from '../apps/incident-state/src/incident-state.service';
import { IncidentsProjection } from '../apps/incident-state/src/projections/incidents.projection';

const INCIDENTS = 10_000;
const ORG = 'org-rebuild';

/** A database of one describe block's own, incident-state's schema migrated into it; `close` drops it. */
function incidentStateTestDatabase(label: string, applicationName: string): Promise<MigratedTestDatabase> {
  return migratedTestDatabase(label, (url) =>
    openServiceDataSource({
      url,
      schema: INCIDENT_STATE_SCHEMA,
      migrations: INCIDENT_STATE_MIGRATIONS,
      applicationName,
      poolSize: 8,
    }),
  );
}

describe('Projection rebuild on 10,000 incidents with mixed histories', () => {
  const database = stageForAll(() => incidentStateTestDatabase('rebuild', 'rebuild-test'));

  it('drops and rebuilds the read models with `npm run rebuild-projections -- incidents` into identical tables', async () => {
    const { dataSource } = database;
    const store = new PostgresEventStore(dataSource, relayEventsThroughOutbox(incidentOutboxSubject));
    const histories = await writeHistories(store);
    expect(histories.statuses).toEqual(
      expect.objectContaining({
        triggered: expect.any(Number),
        acknowledged: expect.any(Number),
        resolved: expect.any(Number),
      }),
    );
    await new ProjectionRunner(dataSource, store, new IncidentsProjection(), createLogger('t', 'silent'), {
      batchSize: 2_000,
    }).catchUp();
    const before = await snapshot(dataSource);
    expect(before.incidents).toHaveLength(INCIDENTS);
    expect(before.timeline).toHaveLength(histories.events);
    expect(before.timers.length).toBeGreaterThan(0);
    expect(before.alerts.length).toBeGreaterThanOrEqual(INCIDENTS);

    // Damage every read model, so that only a real rebuild can bring them back.
    await damageReadModels(dataSource);
    const damaged = await snapshot(dataSource);
    expect(damaged.incidents).toHaveLength(INCIDENTS / 2);
    expect(damaged.timeline).not.toEqual(before.timeline);
    expect(damaged.timers).toEqual([]);
    expect(damaged.alerts).not.toEqual(before.alerts);

    const result = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'scripts/run-ts.js'), 'scripts/rebuild-projections.ts', 'incidents'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(new RegExp(`^Rebuilt incidents: ${histories.events} events replayed`));
    const after = await snapshot(dataSource);
    expect(after.incidents).toEqual(before.incidents);
    expect(after.timeline).toEqual(before.timeline);
    expect(after.timers).toEqual(before.timers);
    expect(after.alerts).toEqual(before.alerts);
  }, 180_000);
});

describe('Projection rebuild while the service runs', () => {
  const database = stageForAll(() => incidentStateTestDatabase('rebuildlive', 'rebuild-live-test'));

  it('rebuilds eight times while a live runner projects new incidents: no deadlock, every event visible at the start replayed, the same tables as a quiet rebuild', async () => {
    const { dataSource } = database;
    const store = new PostgresEventStore(dataSource, relayEventsThroughOutbox(incidentOutboxSubject));
    const logger = createLogger('t', 'silent');
    await writeHistories(store, 500);
    const live = new ProjectionRunner(dataSource, store, new IncidentsProjection(), logger, { batchSize: 200, pollIntervalMs: 5 }); // prettier-ignore
    live.start();
    let writing = true;
    const writer = (async () => {
      while (writing) await writeHistories(store, 20);
    })();
    const visibleEvents = async () =>
      ((await dataSource.query('SELECT count(*)::int AS n FROM events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())')) as { n: number }[])[0].n; // prettier-ignore
    const rebuilder = new ProjectionRunner(dataSource, store, new IncidentsProjection(), logger, { batchSize: 2_000 }); // prettier-ignore
    const rounds: { visibleAtStart: number; replayed: number; total: number }[] = [];
    for (let round = 0; round < 8; round++) {
      const visibleAtStart = await visibleEvents();
      const replayed = await rebuilder.rebuild();
      const [{ n: total }]: { n: number }[] = await dataSource.query('SELECT count(*)::int AS n FROM events');
      rounds.push({ visibleAtStart, replayed, total });
    }
    writing = false;
    await writer;
    await live.stop();
    for (const round of rounds) {
      expect(round.replayed).toBeGreaterThanOrEqual(round.visibleAtStart);
      expect(round.replayed).toBeLessThanOrEqual(round.total);
    }
    expect(rounds[7].total).toBeGreaterThan(rounds[0].visibleAtStart); // the writer was writing throughout

    await live.catchUp();
    const projectedLive = await snapshot(dataSource);
    const [{ n: events }]: { n: number }[] = await dataSource.query('SELECT count(*)::int AS n FROM events');
    expect(projectedLive.timeline).toHaveLength(events);
    expect(await rebuilder.rebuild()).toBe(events);
    expect(await snapshot(dataSource)).toEqual(projectedLive);
  }, 180_000); // prettier-ignore
});

/** Random but reproducible command mixes, decided by the real domain, each stream appended at once. */
async function writeHistories(store: PostgresEventStore, count = INCIDENTS) {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const statuses: Record<string, number> = {};
  let events = 0;
  const streams: { incidentId: string; events: IncidentEvent[] }[] = [];
  for (let i = 0; i < count; i++) {
    const incidentId = randomUUID();
    let state: IncidentState = initialIncidentState;
    const decided: IncidentEvent[] = [];
    for (const command of commandMix(incidentId, random)) {
      try {
        for (const event of decide(command, state)) {
          decided.push(event);
          state = evolve(state, event);
        }
      } catch (error) {
        if (!isIncidentDomainError(error)) throw error;
      }
    }
    statuses[state.status] = (statuses[state.status] ?? 0) + 1;
    events += decided.length;
    streams.push({ incidentId, events: decided });
  }
  const metadata = {
    orgId: ORG,
    correlationId: 'rebuild',
    causationId: null,
    occurredAt: '2027-01-01T00:00:00.000Z',
  };
  for (let start = 0; start < streams.length; start += 8) {
    await Promise.all(
      streams.slice(start, start + 8).map((stream) =>
        store.appendToStream(
          incidentStreamId(stream.incidentId),
          stream.events.map((event) => ({ ...event, eventId: randomUUID() })),
          {
            expectedVersion: 0,
            metadata,
          },
        ),
      ),
    );
  }
  return { statuses, events };
}

function commandMix(incidentId: string, random: () => number): IncidentCommand[] {
  const target = { incidentId, orgId: ORG };
  const user = { kind: 'user' as const, userId: random() < 0.5 ? 'alice' : 'bob' };
  const monitor = { kind: 'integration' as const, integrationId: 'int-1' };
  const at = (minutes: number) => new Date(Date.UTC(2027, 0, 1, 0, minutes)).toISOString();
  const alert = (n: number) => ({
    alertId: randomUUID(),
    dedupKey: `key-${n}`,
    summary: `Alert ${n}`,
    severity: 'high' as const,
  });
  const commands: IncidentCommand[] = [
    {
      type: 'TriggerIncident',
      data: {
        ...target,
        serviceId: `svc-${Math.floor(random() * 5)}`,
        escalationPolicyId: null,
        title: 'Outage',
        severity: 'critical',
        urgency: 'high',
        alert: alert(0),
      },
      by: monitor,
      at: at(0),
    },
  ];
  const steps = Math.floor(random() * 8);
  for (let step = 1; step <= steps; step++) {
    const issue = <K extends IncidentCommandType>(
      type: K,
      data: IncidentCommandOf<K>['data'],
      by: Actor = user,
    ) => commands.push({ type, data, by, at: at(step) } as IncidentCommandOf<K>);
    const roll = random();
    if (roll < 0.2) issue('AppendAlert', { ...target, alert: alert(step) }, monitor);
    else if (roll < 0.35) issue('AcknowledgeIncident', target);
    else if (roll < 0.45) issue('AddNote', { ...target, noteId: randomUUID(), text: `note ${step}` });
    else if (roll < 0.55) issue('SnoozeIncident', { ...target, durationSeconds: 3600 });
    else if (roll < 0.62) issue('UnacknowledgeIncident', { ...target, reason: 'handed-back' });
    else if (roll < 0.7) issue('EscalateIncident', { ...target, fromLevel: 1, toLevel: 2 });
    else if (roll < 0.78) issue('SetIncidentPriority', { ...target, priority: 'P2' });
    else if (roll < 0.85)
      issue(
        'LinkTicket',
        { ...target, provider: 'psa', ticketId: `T-${step}` },
        { kind: 'system', reason: 'psa-sync' },
      );
    else issue('ResolveIncident', target, random() < 0.5 ? user : monitor);
  }
  return commands;
}

/** Deletes half of the incidents and every timer, and rewrites the details of some timeline entries. */
async function damageReadModels(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    'DELETE FROM incidents WHERE id IN (SELECT id FROM incidents ORDER BY id LIMIT $1)',
    [INCIDENTS / 2],
  );
  await dataSource.query(
    `UPDATE incident_timeline SET detail = '{"damaged": true}'::jsonb
     WHERE incident_id IN (SELECT id FROM incidents ORDER BY id DESC LIMIT 500)`,
  );
  await dataSource.query('DELETE FROM incident_timers');
  await dataSource.query(`UPDATE incident_alerts SET summary = 'damaged' WHERE position = 1`);
}

async function snapshot(dataSource: DataSource) {
  const [incidents, timeline, timers, alerts] = await Promise.all([
    dataSource.query('SELECT * FROM incidents ORDER BY id'),
    dataSource.query('SELECT * FROM incident_timeline ORDER BY incident_id, version'),
    dataSource.query('SELECT * FROM incident_timers ORDER BY incident_id, kind'),
    dataSource.query('SELECT * FROM incident_alerts ORDER BY incident_id, position'),
  ]);
  return { incidents, timeline, timers, alerts };
}
