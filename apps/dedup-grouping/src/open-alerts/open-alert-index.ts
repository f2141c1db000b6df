import { Injectable } from '@nestjs/common';
import { CanonicalAlert } from '@oncall/contracts';
import { OpenAlert } from '@oncall/dedup-domain';
import { queryRows } from '@oncall/platform-persistence';
import { DataSource } from 'typeorm';

interface OpenAlertRow {
  incident_id: string;
  opened_by_alert_id: string;
}

/** The open-alert index in PostgreSQL; the primary key makes two replicas agree on who opened a key. */
@Injectable()
export class OpenAlertIndex {
  constructor(private readonly dataSource: DataSource) {}

  async find(alert: CanonicalAlert): Promise<OpenAlert | null> {
    const rows: OpenAlertRow[] = await this.dataSource.query(
      `SELECT incident_id, opened_by_alert_id FROM open_alerts
       WHERE org_id = $1 AND integration_id = $2 AND dedup_key = $3`,
      [alert.orgId, alert.integrationId, alert.dedupKey],
    );
    return rows[0] ? toOpenAlert(rows[0]) : null;
  }

  /**
   * Records that `incidentId` is the open incident of the alert's key, unless another alert got there
   * first; returns whichever entry holds the key now.
   */
  async claim(alert: CanonicalAlert, incidentId: string): Promise<OpenAlert> {
    const rows: OpenAlertRow[] = await this.dataSource.query(
      `WITH inserted AS (
         INSERT INTO open_alerts (org_id, integration_id, dedup_key, incident_id, opened_by_alert_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (org_id, integration_id, dedup_key) DO NOTHING
         RETURNING incident_id, opened_by_alert_id
       )
       SELECT incident_id, opened_by_alert_id FROM inserted
       UNION ALL
       SELECT incident_id, opened_by_alert_id FROM open_alerts
       WHERE org_id = $1 AND integration_id = $2 AND dedup_key = $3`,
      [alert.orgId, alert.integrationId, alert.dedupKey, incidentId, alert.alertId],
    );
    if (rows[0]) return toOpenAlert(rows[0]);
    // The conflicting row committed after this statement's snapshot was taken: read it now.
    const holder = await this.find(alert);
    if (!holder) throw new Error(`Open alert ${alert.dedupKey} vanished while being claimed; will retry`);
    return holder;
  }

  /** The incident is closed: its keys are free, and the next trigger opens a new incident. */
  async releaseIncident(orgId: string, incidentId: string): Promise<number> {
    const rows = await queryRows(
      this.dataSource.manager,
      'DELETE FROM open_alerts WHERE org_id = $1 AND incident_id = $2 RETURNING incident_id',
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
}

function toOpenAlert(row: OpenAlertRow): OpenAlert {
  return { incidentId: row.incident_id, openedByAlertId: row.opened_by_alert_id };
}
