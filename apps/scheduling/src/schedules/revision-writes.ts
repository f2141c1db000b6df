import { Layer } from '@oncall/scheduling-domain';
import { EntityManager } from 'typeorm';

export interface ScheduleFields {
  orgId: string;
  scheduleId: string;
  name: string;
  description: string;
  teamId: string | null;
}

/**
 * Writes a new schedule and its revision 1, in force from the schedule's creation (rule 9: a schedule
 * created today has no past shifts). Both instants come from the database clock, in whole milliseconds
 * (what JavaScript, the engine and list cursors carry).
 */
export async function insertSchedule(
  tx: EntityManager,
  fields: ScheduleFields,
  revision: { timeZone: string; layers: Layer[]; createdBy: string },
): Promise<void> {
  const [{ created_at: createdAt }]: { created_at: Date }[] = await tx.query(
    `INSERT INTO schedules (id, org_id, name, description, team_id, current_revision, created_at, updated_at)
     SELECT $1, $2, $3, $4, $5, 1, clock.at, clock.at FROM (SELECT date_trunc('milliseconds', clock_timestamp()) AS at) clock
     RETURNING created_at`,
    [fields.scheduleId, fields.orgId, fields.name, fields.description, fields.teamId],
  );
  await tx.query(
    `INSERT INTO schedule_revisions
       (schedule_id, org_id, revision, effective_from, time_zone, layers, created_by, created_at)
     VALUES ($1, $2, 1, $3, $4, $5, $6, $3)`,
    [
      fields.scheduleId,
      fields.orgId,
      createdAt,
      revision.timeZone,
      JSON.stringify(revision.layers),
      revision.createdBy,
    ],
  );
}

/**
 * Adds revision `current + 1` and makes it current. It takes effect now by the database clock, but never
 * before the revision it follows (a clock stepping back must not rewrite time already ruled), and the
 * schedule's updated_at is that same instant. Call with the schedule row locked.
 */
export async function insertNextRevision(
  tx: EntityManager,
  fields: ScheduleFields,
  revision: { current: number; timeZone: string; layers: Layer[]; createdBy: string },
): Promise<void> {
  const [{ effective_from: effectiveFrom }]: { effective_from: Date }[] = await tx.query(
    `INSERT INTO schedule_revisions
       (schedule_id, org_id, revision, effective_from, time_zone, layers, created_by, created_at)
     SELECT $1, $2, previous.revision + 1, GREATEST(date_trunc('milliseconds', clock_timestamp()), previous.effective_from), $4, $5, $6,
       clock_timestamp()
     FROM schedule_revisions previous WHERE previous.org_id = $2 AND previous.schedule_id = $1 AND previous.revision = $3
     RETURNING effective_from`,
    [
      fields.scheduleId,
      fields.orgId,
      revision.current,
      revision.timeZone,
      JSON.stringify(revision.layers),
      revision.createdBy,
    ],
  );
  await tx.query(
    `UPDATE schedules SET name = $3, description = $4, team_id = $5, current_revision = $6, updated_at = $7
     WHERE org_id = $1 AND id = $2`,
    [
      fields.orgId,
      fields.scheduleId,
      fields.name,
      fields.description,
      fields.teamId,
      revision.current + 1,
      effectiveFrom,
    ],
  );
}
