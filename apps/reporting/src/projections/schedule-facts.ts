import { ConfigurationChanged, MessageEnvelope, OverrideView, ScheduleView } from '@oncall/contracts';
import { EntityManager } from 'typeorm';

/**
 * Schedules as they were: every version a change published becomes a revision in force from its
 * `updatedAt` (scheduling's rule 9: an edit takes effect when made), and a deleted schedule or override
 * keeps its past, cut at the deletion. Nothing is ever removed, so burden over the past never changes.
 */
export async function projectSchedulingEvent(envelope: MessageEnvelope, tx: EntityManager): Promise<void> {
  const change = envelope.data as SchedulingChange | undefined;
  if (!change) return;
  // A deletion keeps the resource's last view, cut at the moment it was deleted.
  const fact = {
    orgId: envelope.metadata.orgId,
    deletedAt: change.after ? null : envelope.metadata.occurredAt,
  };
  if (change.resourceType === 'schedule') {
    const view = change.after ?? change.before;
    if (view) await projectSchedule(view, fact, tx);
  } else if (change.resourceType === 'schedule-override') {
    const view = change.after ?? change.before;
    if (view) await projectOverride(view, fact, tx);
  }
}

/** The scheduling changes this projection reads; others pass by. */
type SchedulingChange =
  | (ConfigurationChanged<ScheduleView> & { resourceType: 'schedule' })
  | (ConfigurationChanged<OverrideView> & { resourceType: 'schedule-override' });

/** Whose the resource is, and when it was deleted (null: it still exists after the change). */
interface ChangeFact {
  orgId: string;
  deletedAt: string | null;
}

/** Writes a resource's view, as one change left it, into the report tables. */
type ChangeProjector<View> = (view: View, fact: ChangeFact, tx: EntityManager) => Promise<void>;

const projectSchedule: ChangeProjector<ScheduleView> = async (view, { orgId, deletedAt }, tx) => {
  await tx.query(
    `INSERT INTO report_schedules (schedule_id, org_id, name, team_id, deleted_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (schedule_id) DO UPDATE SET
       name = CASE WHEN EXCLUDED.deleted_at IS NULL THEN EXCLUDED.name ELSE report_schedules.name END,
       team_id = CASE WHEN EXCLUDED.deleted_at IS NULL THEN EXCLUDED.team_id ELSE report_schedules.team_id END,
       deleted_at = LEAST(report_schedules.deleted_at, EXCLUDED.deleted_at)`,
    [view.id, orgId, view.name, view.teamId, deletedAt],
  );
  if (deletedAt !== null) return;
  await tx.query(
    `INSERT INTO report_schedule_revisions (schedule_id, version, org_id, effective_from, time_zone, layers)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (schedule_id, version) DO NOTHING`,
    [
      view.id,
      view.version,
      orgId,
      view.version === 1 ? view.createdAt : view.updatedAt,
      view.timeZone,
      JSON.stringify(view.layers),
    ],
  );
};

const projectOverride: ChangeProjector<OverrideView> = async (view, { orgId, deletedAt }, tx) => {
  await tx.query(
    `INSERT INTO report_overrides
       (override_id, org_id, schedule_id, user_id, starts_at, ends_at, created_at, deleted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (override_id) DO UPDATE SET
       ends_at = LEAST(report_overrides.ends_at, EXCLUDED.ends_at),
       deleted_at = LEAST(report_overrides.deleted_at, EXCLUDED.deleted_at)`,
    [view.id, orgId, view.scheduleId, view.userId, view.start, view.end, view.createdAt, deletedAt],
  );
};
