import { Injectable } from '@nestjs/common';
import { OpenGroup } from '@oncall/dedup-domain';
import { DataSource } from 'typeorm';

interface OpenGroupRow {
  group_key: string;
  incident_id: string;
  opened_at: Date;
  closes_at: Date;
}

/** Open alert groups in PostgreSQL (ADR 0175); a group whose incident resolved is forgotten. */
@Injectable()
export class OpenGroupIndex {
  constructor(private readonly dataSource: DataSource) {}

  async find(orgId: string, serviceId: string, groupKey: string): Promise<OpenGroup | null> {
    const rows: OpenGroupRow[] = await this.dataSource.query(
      `SELECT group_key, incident_id, opened_at, closes_at FROM open_groups
       WHERE org_id = $1 AND service_id = $2 AND group_key = $3`,
      [orgId, serviceId, groupKey],
    );
    return rows[0] ? toGroup(rows[0]) : null;
  }

  /**
   * Makes `group` the key's open group unless a group whose window is still open holds it (another
   * replica's alert got there first); answers whichever group holds the key now.
   */
  async claim(orgId: string, serviceId: string, group: OpenGroup): Promise<OpenGroup> {
    const rows: OpenGroupRow[] = await this.dataSource.query(
      `INSERT INTO open_groups (org_id, service_id, group_key, incident_id, opened_at, closes_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (org_id, service_id, group_key) DO UPDATE
         SET incident_id = EXCLUDED.incident_id, opened_at = EXCLUDED.opened_at, closes_at = EXCLUDED.closes_at
         WHERE open_groups.closes_at <= EXCLUDED.opened_at OR open_groups.incident_id = EXCLUDED.incident_id
       RETURNING group_key, incident_id, opened_at, closes_at`,
      [orgId, serviceId, group.groupKey, group.incidentId, group.openedAt, group.closesAt],
    );
    if (rows[0]) return toGroup(rows[0]);
    const holder = await this.find(orgId, serviceId, group.groupKey);
    if (!holder) throw new Error(`Alert group ${group.groupKey} vanished while being claimed; will retry`);
    return holder;
  }

  /** The group's incident is over (resolved, or the group's entry was stale): alerts open a new group. */
  async forgetIncident(orgId: string, incidentId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM open_groups WHERE org_id = $1 AND incident_id = $2', [
      orgId,
      incidentId,
    ]);
  }
}

function toGroup(row: OpenGroupRow): OpenGroup {
  return {
    groupKey: row.group_key,
    incidentId: row.incident_id,
    openedAt: new Date(row.opened_at).toISOString(),
    closesAt: new Date(row.closes_at).toISOString(),
  };
}
