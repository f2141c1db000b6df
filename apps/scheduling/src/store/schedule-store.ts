import { Injectable } from '@nestjs/common';
import { RpcError } from '@oncall/platform-messaging';
import { DataSource, EntityManager } from 'typeorm';
import { LoadedSchedule, OverrideRow, RevisionRow, ScheduleRow } from './schedule-rows';

type Db = Pick<EntityManager, 'query'>;

/** Reads schedules with their revisions and overrides, always within one organization. */
@Injectable()
export class ScheduleStore {
  constructor(private readonly dataSource: DataSource) {}

  get db(): Db {
    return this.dataSource.manager;
  }

  /** One live schedule with all revisions and the overrides ending after `overridesAfter`. */
  async load(
    db: Db,
    orgId: string,
    scheduleId: string,
    options: { forUpdate?: boolean; overridesAfter?: Date } = {},
  ) {
    const rows: ScheduleRow[] = await db.query(
      `SELECT * FROM schedules WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL${options.forUpdate ? ' FOR UPDATE' : ''}`,
      [orgId, scheduleId],
    );
    if (!rows[0]) throw new RpcError('NOT_FOUND', `No schedule ${scheduleId} in your organization.`);
    const [loaded] = await this.attach(db, rows, options.overridesAfter ?? new Date(0));
    return loaded;
  }

  /** Every live schedule of the organization, with the revisions and overrides that matter from `from` on. */
  async loadAll(db: Db, orgId: string, from: Date): Promise<LoadedSchedule[]> {
    const rows: ScheduleRow[] = await db.query(
      'SELECT * FROM schedules WHERE org_id = $1 AND deleted_at IS NULL ORDER BY created_at, id',
      [orgId],
    );
    return this.attach(db, rows, from, from);
  }

  /** One page of the organization's schedules, oldest first, keyset on (created_at, id). */
  async loadPage(db: Db, orgId: string, page: { after?: { createdAt: string; id: string }; limit: number }) {
    const rows: ScheduleRow[] = await db.query(
      `SELECT * FROM schedules WHERE org_id = $1 AND deleted_at IS NULL
         AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
       ORDER BY created_at, id LIMIT $4`,
      [orgId, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit + 1],
    );
    const loaded = await this.attach(db, rows.slice(0, page.limit), new Date());
    return { schedules: loaded, hasMore: rows.length > page.limit };
  }

  /** Schedules of every organization (the daily gap scan). */
  async loadEverything(db: Db, from: Date): Promise<LoadedSchedule[]> {
    const rows: ScheduleRow[] = await db.query(
      'SELECT * FROM schedules WHERE deleted_at IS NULL ORDER BY org_id, id',
    );
    return this.attach(db, rows, from, from);
  }

  /**
   * Revisions (only those still relevant after `revisionsFrom` when given: the one in force then and later
   * ones) and overrides ending after `overridesAfter`, batched over all the schedules.
   */
  private async attach(
    db: Db,
    rows: ScheduleRow[],
    overridesAfter: Date,
    revisionsFrom?: Date,
  ): Promise<LoadedSchedule[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const revisions: RevisionRow[] = await db.query(
      `SELECT schedule_id, revision, effective_from, time_zone, layers FROM schedule_revisions r
       WHERE schedule_id = ANY($1::uuid[])
         AND ($2::timestamptz IS NULL OR NOT EXISTS (
           SELECT 1 FROM schedule_revisions later
           WHERE later.schedule_id = r.schedule_id AND later.revision > r.revision AND later.effective_from <= $2))
       ORDER BY schedule_id, revision`,
      [ids, revisionsFrom ?? null],
    );
    const overrides: OverrideRow[] = await db.query(
      'SELECT * FROM overrides WHERE schedule_id = ANY($1::uuid[]) AND ends_at > $2 ORDER BY starts_at',
      [ids, overridesAfter],
    );
    const revisionsBySchedule = groupBy(revisions, (revision) => revision.schedule_id);
    const overridesBySchedule = groupBy(overrides, (override) => override.schedule_id);
    return rows.map((row) => ({
      row,
      revisions: revisionsBySchedule.get(row.id) ?? [],
      overrides: overridesBySchedule.get(row.id) ?? [],
    }));
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
