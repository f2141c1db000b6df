import { Injectable } from '@nestjs/common';
import { queryRows } from '@oncall/platform-persistence';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { OverrideRow } from './schedule-rows';

type Db = Pick<EntityManager, 'query'>;

export interface NewOverride {
  orgId: string;
  scheduleId: string;
  userId: string;
  start: Date;
  end: Date;
  reason: string;
  createdBy: string;
}

/** A schedule's overrides, always within one organization; writers hold the schedule's lock. */
@Injectable()
export class OverrideStore {
  async insert(db: Db, override: NewOverride, now: Date): Promise<OverrideRow> {
    const { orgId, scheduleId, userId, start, end, reason, createdBy } = override;
    const [row] = await queryRows<OverrideRow>(
      db,
      `INSERT INTO overrides (id, org_id, schedule_id, user_id, starts_at, ends_at, reason, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [randomUUID(), orgId, scheduleId, userId, start, end, reason, createdBy, now],
    );
    return row;
  }

  /** One override of the schedule, locked; undefined when there is none. */
  async lockOne(
    db: Db,
    orgId: string,
    scheduleId: string,
    overrideId: string,
  ): Promise<OverrideRow | undefined> {
    const [row] = await queryRows<OverrideRow>(
      db,
      'SELECT * FROM overrides WHERE org_id = $1 AND schedule_id = $2 AND id = $3 FOR UPDATE',
      [orgId, scheduleId, overrideId],
    );
    return row;
  }

  /** The schedule's overrides overlapping [from, to), in start order. */
  overlapping(db: Db, orgId: string, scheduleId: string, from: Date, to: Date): Promise<OverrideRow[]> {
    return queryRows<OverrideRow>(
      db,
      `SELECT * FROM overrides WHERE org_id = $1 AND schedule_id = $2 AND ends_at > $3 AND starts_at < $4
       ORDER BY starts_at, id`,
      [orgId, scheduleId, from, to],
    );
  }

  async delete(db: Db, row: OverrideRow): Promise<void> {
    await db.query('DELETE FROM overrides WHERE org_id = $1 AND id = $2', [row.org_id, row.id]);
  }

  async end(db: Db, row: OverrideRow, endAt: Date): Promise<OverrideRow> {
    const [ended] = await queryRows<OverrideRow>(
      db,
      'UPDATE overrides SET ends_at = $3 WHERE org_id = $1 AND id = $2 RETURNING *',
      [row.org_id, row.id, endAt],
    );
    return ended;
  }
}
