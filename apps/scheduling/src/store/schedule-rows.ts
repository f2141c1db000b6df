import { LayerView, OverrideView, ScheduleView } from '@oncall/contracts';
import { Layer, Override, ScheduleHistory, ScheduleRevision } from '@oncall/scheduling-domain';

export interface ScheduleRow {
  id: string;
  org_id: string;
  name: string;
  description: string;
  team_id: string | null;
  current_revision: number;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export interface RevisionRow {
  schedule_id: string;
  revision: number;
  /** Revision 1: when the schedule was created; later ones: when the edit was made. */
  effective_from: Date;
  time_zone: string;
  layers: Layer[];
}

export interface OverrideRow {
  id: string;
  org_id: string;
  schedule_id: string;
  user_id: string;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  created_by: string;
  created_at: Date;
}

/**
 * A schedule as loaded: its row, the revisions asked for (oldest first; the last is always the current
 * one) and the overrides asked for.
 */
export interface LoadedSchedule {
  row: ScheduleRow;
  revisions: RevisionRow[];
  overrides: OverrideRow[];
}

function toRevision(row: RevisionRow): ScheduleRevision {
  return {
    revision: row.revision,
    effectiveFrom: row.effective_from.toISOString(),
    timeZone: row.time_zone,
    layers: row.layers,
  };
}

function toOverride(row: OverrideRow): Override {
  return {
    id: row.id,
    userId: row.user_id,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}

export function toHistory(schedule: LoadedSchedule): ScheduleHistory {
  return {
    id: schedule.row.id,
    revisions: schedule.revisions.map(toRevision),
    overrides: schedule.overrides.map(toOverride),
  };
}

export function currentRevision(schedule: LoadedSchedule): RevisionRow {
  return schedule.revisions[schedule.revisions.length - 1];
}

export function toScheduleView(schedule: LoadedSchedule): ScheduleView {
  const { row } = schedule;
  const revision = currentRevision(schedule);
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    description: row.description,
    timeZone: revision.time_zone,
    teamId: row.team_id,
    layers: revision.layers.map(toLayerView),
    version: row.current_revision,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toLayerView(layer: Layer): LayerView {
  return {
    id: layer.id,
    name: layer.name ?? '',
    timeZone: layer.timeZone ?? null,
    participants: [...layer.participants],
    rotation: layer.rotation,
    handoffAnchor: layer.handoffAnchor,
    start: layer.start,
    end: layer.end ?? null,
    restrictions: [...layer.restrictions],
  };
}

export function toOverrideView(row: OverrideRow): OverrideView {
  return {
    id: row.id,
    scheduleId: row.schedule_id,
    userId: row.user_id,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}
