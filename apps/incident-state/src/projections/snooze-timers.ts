import { IncidentState } from '@oncall/incident-domain';
import { EntityManager } from 'typeorm';

/** A snoozed incident has a timer at the end of its snooze; any other state has none. */
export async function writeSnoozeTimers(transaction: EntityManager, states: IncidentState[]): Promise<void> {
  const existing = states.filter((state) => state.status !== 'none');
  const snoozed = existing.filter((state) => state.status === 'acknowledged' && state.snoozedUntil);
  const notSnoozed = existing.filter((state) => !snoozed.includes(state)).map((state) => state.incidentId);
  if (notSnoozed.length > 0) {
    await transaction.query(
      `DELETE FROM incident_timers WHERE kind = 'snooze' AND incident_id = ANY($1::uuid[])`,
      [notSnoozed],
    );
  }
  for (const state of snoozed) {
    await transaction.query(
      `INSERT INTO incident_timers (incident_id, kind, org_id, due_at) VALUES ($1, 'snooze', $2, $3)
       ON CONFLICT (incident_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at`,
      [state.incidentId, state.orgId, state.snoozedUntil],
    );
  }
}
