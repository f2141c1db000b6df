import { ExistingIncident, IncidentState } from '@oncall/incident-domain';
import { EntityManager } from 'typeorm';

/** A snoozed incident has a timer at the end of its snooze; any other state has none. */
export async function writeSnoozeTimers(transaction: EntityManager, states: IncidentState[]): Promise<void> {
  const existing = states.filter((state): state is ExistingIncident => state.status !== 'none');
  const snoozed = existing.filter((state) => state.status === 'acknowledged' && state.snoozedUntil);
  const notSnoozed = existing.filter((state) => !snoozed.includes(state));
  if (notSnoozed.length > 0) {
    await transaction.query(
      `DELETE FROM incident_timers AS timer
       USING unnest($1::uuid[], $2::text[]) AS ended(incident_id, org_id)
       WHERE timer.kind = 'snooze' AND timer.incident_id = ended.incident_id AND timer.org_id = ended.org_id`,
      [notSnoozed.map((state) => state.incidentId), notSnoozed.map((state) => state.orgId)],
    );
  }
  for (const state of snoozed) {
    await transaction.query(
      `INSERT INTO incident_timers (incident_id, kind, org_id, due_at) VALUES ($1, 'snooze', $2, $3)
       ON CONFLICT (incident_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at
       WHERE incident_timers.org_id = EXCLUDED.org_id`,
      [state.incidentId, state.orgId, state.snoozedUntil],
    );
  }
}
