import { Injectable } from '@nestjs/common';
import { evolve, IncidentState, initialIncidentState } from '@oncall/incident-domain';
import { Projection, StoredEvent } from '@oncall/platform-event-store';
import { EntityManager } from 'typeorm';
import { asIncidentEvent } from '../event-store/incident-streams';
import { toIncidentSummary } from '../incident-view/incident-summary';
import { alertContextsOf, alertEntriesOf, changedAlertRows, UPSERT_ALERTS_SQL } from './alert-rows';
import { INSERT_TIMELINE_SQL, toIncidentRow, toTimelineRow, UPSERT_INCIDENTS_SQL } from './incident-rows';
import { writeSnoozeTimers } from './snooze-timers';

interface Tracked {
  state: IncidentState;
  version: number;
  updatedAt: string;
}

/**
 * incidents (one row per incident, with its folded state), incident_timeline (one row per event) and
 * incident_alerts (one row per alert key, updated as it repeats). A batch loads the states it touches once, folds in memory and
 * writes each table with one statement.
 */
@Injectable()
export class IncidentsProjection implements Projection {
  readonly name = 'incidents';
  readonly tables = ['incidents', 'incident_timeline', 'incident_timers', 'incident_alerts'] as const;

  async apply(events: readonly StoredEvent[], transaction: EntityManager): Promise<void> {
    const tracked = await this.loadStates(events, transaction);
    const alertsBefore = new Map([...tracked].map(([id, entry]) => [id, alertEntriesOf(entry.state)]));
    const timeline = [];
    for (const stored of events) {
      const incidentId = (stored.data as { incidentId: string }).incidentId;
      const current = tracked.get(incidentId) ?? { state: initialIncidentState, version: 0, updatedAt: '' };
      if (stored.version <= current.version) continue;
      const state = evolve(current.state, asIncidentEvent(stored));
      tracked.set(incidentId, { state, version: stored.version, updatedAt: stored.metadata.occurredAt });
      timeline.push(toTimelineRow(stored));
    }
    const rows = [...tracked.values()].flatMap(({ state, version, updatedAt }) =>
      state.status === 'none' ? [] : [toIncidentRow(toIncidentSummary(state, version, updatedAt), state)],
    );
    if (rows.length > 0) await transaction.query(UPSERT_INCIDENTS_SQL, [JSON.stringify(rows)]);
    await writeSnoozeTimers(
      transaction,
      [...tracked.values()].map((entry) => entry.state),
    );
    if (timeline.length > 0) await transaction.query(INSERT_TIMELINE_SQL, [JSON.stringify(timeline)]);
    const contexts = alertContextsOf(events.map(asIncidentEvent));
    const alerts = [...tracked].flatMap(([id, entry]) =>
      changedAlertRows(entry.state, alertsBefore.get(id) ?? [], contexts),
    );
    if (alerts.length > 0) await transaction.query(UPSERT_ALERTS_SQL, [JSON.stringify(alerts)]);
  }

  private async loadStates(
    events: readonly StoredEvent[],
    transaction: EntityManager,
  ): Promise<Map<string, Tracked>> {
    const ids = [...new Set(events.map((event) => (event.data as { incidentId: string }).incidentId))];
    const rows: { id: string; state: IncidentState; version: number; updated_at: Date }[] =
      await transaction.query(
        'SELECT id, state, version, updated_at FROM incidents WHERE id = ANY($1::uuid[])',
        [ids],
      );
    return new Map(
      rows.map((row) => [
        row.id,
        { state: row.state, version: row.version, updatedAt: row.updated_at.toISOString() },
      ]),
    );
  }
}
