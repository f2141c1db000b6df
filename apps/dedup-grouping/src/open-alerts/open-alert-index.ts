import { Injectable } from '@nestjs/common';
import { CanonicalAlert } from '@oncall/contracts';
import { OpenAlert } from '@oncall/dedup-domain';
import { queryRows } from '@oncall/platform-persistence';
import { DataSource } from 'typeorm';

/**
 * What the index knows of an alert key: its open incident (null once released), and the last stream
 * sequence of the key whose step was applied, which survives the release (ADR 0156).
 */
export interface AlertKeyState {
  open: OpenAlert | null;
  appliedThrough: number;
  /** The incident the key belonged to before it was released (for the history of replayed alerts). */
  lastIncidentId: string | null;
}

interface KeyRow {
  incident_id: string | null;
  opened_by_alert_id: string | null;
  applied_through: string;
  last_incident_id: string | null;
}

const KEY_COLUMNS = 'incident_id, opened_by_alert_id, applied_through, last_incident_id';
const KEY = 'org_id = $1 AND integration_id = $2 AND dedup_key = $3';

/**
 * The open-alert index in PostgreSQL; the primary key makes two replicas agree on who opened a key. A
 * released key keeps its row as a tombstone (no incident) until the alert stream no longer holds what it
 * applied.
 */
@Injectable()
export class OpenAlertIndex {
  constructor(private readonly dataSource: DataSource) {}

  async find(alert: CanonicalAlert): Promise<AlertKeyState> {
    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT ${KEY_COLUMNS} FROM open_alerts WHERE ${KEY}`,
      [alert.orgId, alert.integrationId, alert.dedupKey],
    );
    return toState(rows[0]);
  }

  /**
   * Records that `incidentId` is the open incident of the alert's key, unless another alert holds it or the
   * key already applied `sequence` (a replay); answers the key's state after the claim.
   */
  async claim(alert: CanonicalAlert, incidentId: string, sequence: number): Promise<AlertKeyState> {
    const rows: KeyRow[] = await this.dataSource.query(
      `WITH claimed AS (
         INSERT INTO open_alerts (org_id, integration_id, dedup_key, incident_id, opened_by_alert_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (org_id, integration_id, dedup_key) DO UPDATE
           SET incident_id = EXCLUDED.incident_id, opened_by_alert_id = EXCLUDED.opened_by_alert_id,
               opened_at = now(), released_at = NULL
           WHERE open_alerts.incident_id IS NULL AND open_alerts.applied_through < $6
         RETURNING ${KEY_COLUMNS}
       )
       SELECT ${KEY_COLUMNS} FROM claimed
       UNION ALL
       SELECT ${KEY_COLUMNS} FROM open_alerts WHERE ${KEY}`,
      [alert.orgId, alert.integrationId, alert.dedupKey, incidentId, alert.alertId, sequence],
    );
    const [row] = rows;
    // Not claimed, yet seen free and short of `sequence`: the row changed after this statement's snapshot
    // was taken (or committed after it): read it now.
    if (!row || (row.incident_id === null && Number(row.applied_through) < sequence)) {
      const holder = await this.find(alert);
      if (!holder.open && holder.appliedThrough < sequence) {
        throw new Error(`Open alert ${alert.dedupKey} changed while being claimed; will retry`);
      }
      return holder;
    }
    return toState(row);
  }

  /** The steps of the alert's key up to `sequence` are applied: a replay skips them. */
  async applied(alert: CanonicalAlert, sequence: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE open_alerts SET applied_through = GREATEST(applied_through, $4) WHERE ${KEY}`,
      [alert.orgId, alert.integrationId, alert.dedupKey, sequence],
    );
  }

  /** The incident is closed: its keys are free (tombstones), and the next trigger opens a new incident. */
  async releaseIncident(orgId: string, incidentId: string): Promise<number> {
    const rows = await queryRows(
      this.dataSource.manager,
      `UPDATE open_alerts
       SET last_incident_id = incident_id, incident_id = NULL, opened_by_alert_id = NULL, released_at = now()
       WHERE org_id = $1 AND incident_id = $2
       RETURNING last_incident_id`,
      [orgId, incidentId],
    );
    return rows.length;
  }

  /**
   * The incident was merged into `targetIncidentId`: its keys now belong to the target, so a repeat
   * alert is appended there and the source's resolve resolves the target.
   */
  async moveIncident(orgId: string, incidentId: string, targetIncidentId: string): Promise<number> {
    const rows = await queryRows(
      this.dataSource.manager,
      `UPDATE open_alerts SET incident_id = $3 WHERE org_id = $1 AND incident_id = $2
       RETURNING incident_id`,
      [orgId, incidentId, targetIncidentId],
    );
    return rows.length;
  }

  /**
   * Forgets tombstones released longer ago than the alert stream keeps messages: no replay can reach
   * what they applied any more. Answers how many went (at most `batch`).
   */
  async forgetReleased(olderThanMs: number, batch = 5_000): Promise<number> {
    const rows = await queryRows(
      this.dataSource.manager,
      `DELETE FROM open_alerts WHERE ctid IN (
         SELECT ctid FROM open_alerts
         WHERE incident_id IS NULL AND released_at < now() - make_interval(secs => $1)
         LIMIT ${batch})
       RETURNING org_id`,
      [olderThanMs / 1000],
    );
    return rows.length;
  }
}

function toState(row: KeyRow | undefined): AlertKeyState {
  if (!row) return { open: null, appliedThrough: 0, lastIncidentId: null };
  const open =
    row.incident_id !== null && row.opened_by_alert_id !== null
      ? { incidentId: row.incident_id, openedByAlertId: row.opened_by_alert_id }
      : null;
  return { open, appliedThrough: Number(row.applied_through), lastIncidentId: row.last_incident_id };
}
