import { Injectable } from '@nestjs/common';
import { LayerView } from '@oncall/contracts';
import { ShiftRecord } from '@oncall/reporting-domain';
import { Layer, renderScheduleHistory, ScheduleHistory } from '@oncall/scheduling-domain';
import { DataSource } from 'typeorm';

interface ScheduleRow {
  schedule_id: string;
  deleted_at: Date | null;
}
interface RevisionRow {
  schedule_id: string;
  version: number;
  effective_from: Date;
  time_zone: string;
  layers: LayerView[];
}
interface OverrideRow {
  override_id: string;
  schedule_id: string;
  user_id: string;
  starts_at: Date;
  ends_at: Date;
  created_at: Date;
  deleted_at: Date | null;
}

/**
 * On-call shifts as they were: each schedule's final shifts rendered from the revisions and overrides
 * reporting recorded, a deleted schedule up to its deletion, a deleted override not at all after it.
 */
@Injectable()
export class ShiftHistoryReader {
  constructor(private readonly dataSource: DataSource) {}

  async shifts(orgId: string, userIds: readonly string[], from: string, to: string): Promise<ShiftRecord[]> {
    const [schedules, revisions, overrides] = (await Promise.all([
      this.dataSource.query('SELECT schedule_id, deleted_at FROM report_schedules WHERE org_id = $1', [
        orgId,
      ]),
      this.dataSource.query(
        'SELECT schedule_id, version, effective_from, time_zone, layers FROM report_schedule_revisions WHERE org_id = $1 ORDER BY schedule_id, version',
        [orgId],
      ),
      this.dataSource.query(
        'SELECT * FROM report_overrides WHERE org_id = $1 AND starts_at < $2 AND ends_at > $3',
        [orgId, to, from],
      ),
    ])) as [ScheduleRow[], RevisionRow[], OverrideRow[]];
    const wanted = new Set(userIds);
    return schedules.flatMap((schedule) => {
      const end = Math.min(Date.parse(to), schedule.deleted_at?.getTime() ?? Infinity);
      if (end <= Date.parse(from)) return [];
      const history = historyOf(schedule.schedule_id, revisions, overrides);
      if (history.revisions.length === 0) return [];
      return renderScheduleHistory(history, { start: from, end: new Date(end).toISOString() })
        .filter((shift) => wanted.has(shift.userId))
        .map((shift) => ({ userId: shift.userId, start: shift.start, end: shift.end }));
    });
  }
}

function historyOf(scheduleId: string, revisions: RevisionRow[], overrides: OverrideRow[]): ScheduleHistory {
  return {
    id: scheduleId,
    revisions: revisions
      .filter((row) => row.schedule_id === scheduleId)
      .map((row) => ({
        revision: row.version,
        effectiveFrom: row.effective_from.toISOString(),
        timeZone: row.time_zone,
        layers: row.layers.map(toLayer),
      })),
    overrides: overrides
      .filter((row) => row.schedule_id === scheduleId)
      .map((row) => ({
        id: row.override_id,
        userId: row.user_id,
        start: row.starts_at.toISOString(),
        end: new Date(Math.min(row.ends_at.getTime(), row.deleted_at?.getTime() ?? Infinity)).toISOString(),
        createdAt: row.created_at.toISOString(),
      }))
      .filter((override) => override.end > override.start),
  };
}

function toLayer(view: LayerView): Layer {
  return { ...view, timeZone: view.timeZone ?? undefined };
}
