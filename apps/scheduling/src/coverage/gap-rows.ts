import { queryRows } from '@oncall/platform-persistence';
import { CoverageGap, reconcileGaps, StoredGap } from '@oncall/scheduling-domain';
import { EntityManager } from 'typeorm';

export interface GapRow {
  starts_at: Date;
  ends_at: Date;
  announced_at: Date | null;
}

/**
 * Stores what a scan found, under the schedule's lock: gaps matching stored ones update those rows (and
 * keep their announcement), genuinely new ones are inserted unannounced, the rest are deleted.
 */
export async function recordGaps(
  tx: EntityManager,
  schedule: { orgId: string; id: string },
  found: readonly CoverageGap[],
  now: Date,
): Promise<void> {
  // FOR UPDATE: waits for an announcement in progress, so its announced_at is what is reconciled.
  const rows = await queryRows<GapRow>(
    tx,
    `SELECT starts_at, ends_at, announced_at FROM coverage_gaps
     WHERE org_id = $1 AND schedule_id = $2 FOR UPDATE`,
    [schedule.orgId, schedule.id],
  );
  const plan = reconcileGaps(rows.map(toStoredGap), found, now);
  const scope = [schedule.orgId, schedule.id];
  if (plan.delete.length > 0) {
    await tx.query(
      'DELETE FROM coverage_gaps WHERE org_id = $1 AND schedule_id = $2 AND starts_at = ANY($3::timestamptz[])',
      [...scope, plan.delete],
    );
  }
  if (plan.update.length > 0) {
    await tx.query(
      `UPDATE coverage_gaps g SET starts_at = u.starts_at, ends_at = u.ends_at, announced_at = u.announced_at
       FROM unnest($3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[])
         AS u(previous_start, starts_at, ends_at, announced_at)
       WHERE g.org_id = $1 AND g.schedule_id = $2 AND g.starts_at = u.previous_start`,
      [...scope, plan.update.map((u) => u.previousStart), ...columns(plan.update.map((u) => u.gap))],
    );
  }
  if (plan.insert.length > 0) {
    await tx.query(
      `INSERT INTO coverage_gaps (org_id, schedule_id, starts_at, ends_at, announced_at, detected_at)
       SELECT $1, $2, i.starts_at, i.ends_at, i.announced_at, $6
       FROM unnest($3::timestamptz[], $4::timestamptz[], $5::timestamptz[]) AS i(starts_at, ends_at, announced_at)`,
      [...scope, ...columns(plan.insert), now],
    );
  }
}

/** The organization's stored gaps of live schedules (of one, when named), with the schedule's name. */
export function listGaps(
  db: Pick<EntityManager, 'query'>,
  orgId: string,
  scheduleId: string | null,
): Promise<{ schedule_id: string; name: string; starts_at: Date; ends_at: Date; detected_at: Date }[]> {
  return queryRows(
    db,
    `SELECT g.schedule_id, s.name, g.starts_at, g.ends_at, g.detected_at
     FROM coverage_gaps g JOIN schedules s ON s.org_id = g.org_id AND s.id = g.schedule_id
     WHERE g.org_id = $1 AND ($2::uuid IS NULL OR g.schedule_id = $2) AND s.deleted_at IS NULL
     ORDER BY g.starts_at, s.name`,
    [orgId, scheduleId],
  );
}

/** Forgets every gap of a schedule (it is being deleted). */
export async function deleteGapsOf(db: Pick<EntityManager, 'query'>, orgId: string, scheduleId: string): Promise<void> {
  await db.query('DELETE FROM coverage_gaps WHERE org_id = $1 AND schedule_id = $2', [orgId, scheduleId]);
}

function columns(gaps: readonly StoredGap[]): (string | null)[][] {
  return [gaps.map((gap) => gap.start), gaps.map((gap) => gap.end), gaps.map((gap) => gap.announcedAt)];
}

function toStoredGap(row: GapRow): StoredGap {
  return {
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    announcedAt: row.announced_at ? row.announced_at.toISOString() : null,
  };
}
