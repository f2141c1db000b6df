import { Injectable } from '@nestjs/common';
import { RpcError } from '@oncall/platform-messaging';
import { DataSource, EntityManager } from 'typeorm';
import { LoadedSchedule, OverrideRow, RevisionRow, ScheduleRow } from './schedule-rows';

type Db = Pick<EntityManager, 'query'>;

/** What to read with a schedule: by default its current revision and no overrides (views, existence). */
export interface LoadOptions {
  forUpdate?: boolean;
  /** Read the revision in force at this instant and every later one instead of the current one only. */
  revisionsFrom?: Date;
  /** Read the overrides overlapping [after, before) (`before` absent: no upper bound). */
  overrides?: { after: Date; before?: Date };
}

/** Reads schedules with their revisions and overrides, always within one organization. */
@Injectable()
export class ScheduleStore {
  constructor(private readonly dataSource: DataSource) {}

  get db(): Db {
    return this.dataSource.manager;
  }

  /** One live schedule; NOT_FOUND when it is not one of the organization's. */
  async load(db: Db, orgId: string, scheduleId: string, options: LoadOptions = {}): Promise<LoadedSchedule> {
    const row = await this.row(db, orgId, scheduleId, options.forUpdate ?? false);
    const [loaded] = await this.attach(db, orgId, [row], options);
    return loaded;
  }

  /** Locks a live schedule's row for the transaction (writers of its overrides and gaps serialise on it). */
  async lock(db: Db, orgId: string, scheduleId: string): Promise<ScheduleRow> {
    return this.row(db, orgId, scheduleId, true);
  }

  /** Every live schedule of the organization, oldest first. */
  async loadAll(db: Db, orgId: string, options: LoadOptions = {}): Promise<LoadedSchedule[]> {
    const rows: ScheduleRow[] = await db.query(
      'SELECT * FROM schedules WHERE org_id = $1 AND deleted_at IS NULL ORDER BY created_at, id',
      [orgId],
    );
    return this.attach(db, orgId, rows, options);
  }

  /** One page of the organization's schedules (current revision only), oldest first, keyset on (created_at, id). */
  async loadPage(db: Db, orgId: string, page: { after?: { createdAt: string; id: string }; limit: number }) {
    const rows: ScheduleRow[] = await db.query(
      `SELECT * FROM schedules WHERE org_id = $1 AND deleted_at IS NULL
         AND ($2::timestamptz IS NULL OR (created_at, id) > ($2::timestamptz, $3::uuid))
       ORDER BY created_at, id LIMIT $4`,
      [orgId, page.after?.createdAt ?? null, page.after?.id ?? null, page.limit + 1],
    );
    const loaded = await this.attach(db, orgId, rows.slice(0, page.limit), {});
    return { schedules: loaded, hasMore: rows.length > page.limit };
  }

  /** Live schedules of every organization, identifiers only, keyset on (org_id, id) (the daily gap scan). */
  async liveIdsAfter(
    db: Db,
    after: { orgId: string; id: string } | null,
    limit: number,
  ): Promise<{ org_id: string; id: string }[]> {
    return db.query(
      `SELECT org_id, id FROM schedules WHERE deleted_at IS NULL
         AND ($1::text IS NULL OR (org_id, id) > ($1::text, $2::uuid))
       ORDER BY org_id, id LIMIT $3`,
      [after?.orgId ?? null, after?.id ?? null, limit],
    );
  }

  /** Soft delete: the row stays, and no read of live schedules sees it again. */
  async markDeleted(db: Db, orgId: string, scheduleId: string): Promise<void> {
    await db.query('UPDATE schedules SET deleted_at = now() WHERE org_id = $1 AND id = $2', [
      orgId,
      scheduleId,
    ]);
  }

  private async row(db: Db, orgId: string, scheduleId: string, forUpdate: boolean): Promise<ScheduleRow> {
    const rows: ScheduleRow[] = await db.query(
      `SELECT * FROM schedules WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL${forUpdate ? ' FOR UPDATE' : ''}`,
      [orgId, scheduleId],
    );
    if (!rows[0]) throw new RpcError('NOT_FOUND', `No schedule ${scheduleId} in your organization.`);
    return rows[0];
  }

  /** The revisions and overrides `options` ask for, batched over all the schedules. */
  private async attach(db: Db, orgId: string, rows: ScheduleRow[], options: LoadOptions) {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const revisions = options.revisionsFrom
      ? await revisionsFrom(db, orgId, ids, options.revisionsFrom)
      : await currentRevisions(db, orgId, rows);
    const overrides: OverrideRow[] = options.overrides
      ? await db.query(
          `SELECT * FROM overrides WHERE org_id = $1 AND schedule_id = ANY($2::uuid[])
             AND ends_at > $3 AND ($4::timestamptz IS NULL OR starts_at < $4)
           ORDER BY starts_at, id`,
          [orgId, ids, options.overrides.after, options.overrides.before ?? null],
        )
      : [];
    const revisionsBySchedule = groupBy(revisions, (revision) => revision.schedule_id);
    const overridesBySchedule = groupBy(overrides, (override) => override.schedule_id);
    return rows.map((row) => ({
      row,
      revisions: revisionsBySchedule.get(row.id) ?? [],
      overrides: overridesBySchedule.get(row.id) ?? [],
    }));
  }
}

const REVISION_COLUMNS = 'schedule_id, revision, effective_from, time_zone, layers';

function currentRevisions(db: Db, orgId: string, rows: ScheduleRow[]): Promise<RevisionRow[]> {
  return db.query(
    `SELECT ${REVISION_COLUMNS} FROM schedule_revisions
     JOIN unnest($2::uuid[], $3::int[]) AS wanted(schedule_id, revision) USING (schedule_id, revision)
     WHERE org_id = $1`,
    [orgId, rows.map((row) => row.id), rows.map((row) => row.current_revision)],
  );
}

/**
 * The revision in force at `from` and every later one. A revision takes effect at the latest
 * effective_from up to it (as the engine reads them), and is still relevant if the next one takes effect
 * after `from`.
 */
function revisionsFrom(db: Db, orgId: string, ids: string[], from: Date): Promise<RevisionRow[]> {
  return db.query(
    `SELECT ${REVISION_COLUMNS} FROM (
       SELECT *, lead(takes_effect) OVER (PARTITION BY schedule_id ORDER BY revision) AS next_takes_effect
       FROM (
         SELECT ${REVISION_COLUMNS},
           max(effective_from) OVER (PARTITION BY schedule_id ORDER BY revision) AS takes_effect
         FROM schedule_revisions WHERE org_id = $1 AND schedule_id = ANY($2::uuid[])
       ) revisions
     ) relevant
     WHERE next_takes_effect IS NULL OR next_takes_effect > $3
     ORDER BY schedule_id, revision`,
    [orgId, ids, from],
  );
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
