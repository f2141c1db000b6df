import { queryRows } from '@oncall/platform-persistence';
import { DataSource, EntityManager } from 'typeorm';

/** A due snooze timer as it was read; `dueAt` is PostgreSQL's own text, so it matches the row exactly. */
export interface DueTimer {
  incidentId: string;
  orgId: string;
  dueAt: string;
}

// One row is named by its incident, organization and the deadline that was read: a snooze moved since
// (a new deadline) is another timer and is left alone.
const SAME_TIMER = `kind = 'snooze' AND incident_id = $1 AND org_id = $2 AND due_at = $3::timestamptz`;

/** incident_timers rows of kind 'snooze'; each one is claimed and finished in a short transaction of its own. */
export class SnoozeTimerStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Due timers, oldest first, read without locking (claiming happens per timer). */
  async due(now: Date, limit: number): Promise<DueTimer[]> {
    const rows = await queryRows<{ incident_id: string; org_id: string; due_at: string }>(
      this.dataSource.manager,
      `SELECT incident_id, org_id, due_at::text AS due_at FROM incident_timers
       WHERE kind = 'snooze' AND due_at <= $1 ORDER BY due_at LIMIT ${limit}`,
      [now],
    );
    return rows.map((row) => ({ incidentId: row.incident_id, orgId: row.org_id, dueAt: row.due_at }));
  }

  /**
   * Locks the timer (skipping it if another replica holds it or it changed), runs `work` and deletes the
   * timer, all in one short transaction; false when the timer was not claimed. If `work` throws, nothing
   * is deleted.
   */
  claimAndFinish(timer: DueTimer, work: () => Promise<unknown>): Promise<boolean> {
    return this.dataSource.transaction(async (tx: EntityManager) => {
      const locked = await queryRows(
        tx,
        `SELECT incident_id FROM incident_timers WHERE ${SAME_TIMER} FOR UPDATE SKIP LOCKED`,
        params(timer),
      );
      if (locked.length === 0) return false;
      await work();
      await tx.query(`DELETE FROM incident_timers WHERE ${SAME_TIMER}`, params(timer));
      return true;
    });
  }

  /** Moves a timer that failed to `retryAt`, behind the others that are due. */
  async postpone(timer: DueTimer, retryAt: Date): Promise<void> {
    await this.dataSource.query(`UPDATE incident_timers SET due_at = $4 WHERE ${SAME_TIMER}`, [
      ...params(timer),
      retryAt,
    ]);
  }
}

function params(timer: DueTimer): string[] {
  return [timer.incidentId, timer.orgId, timer.dueAt];
}
