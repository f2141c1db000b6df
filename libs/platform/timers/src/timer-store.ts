import { queryRows } from '@oncall/platform-persistence';
import { EntityManager } from 'typeorm';

export interface TimerSpec<TPayload = unknown> {
  kind: string;
  /** Unique within the kind: scheduling the same (kind, key) again moves the timer. */
  key: string;
  orgId: string;
  /** Lets every timer of one thing (an incident, say) be cancelled at once. */
  groupKey?: string;
  dueAt: Date;
  payload: TPayload;
}

export interface DueTimer<TPayload = unknown> extends TimerSpec<TPayload> {
  id: string;
  generation: string;
  attempts: number;
}

type Db = Pick<EntityManager, 'query'>;

/** Schedules (or moves) timers with the caller's transaction, so they exist iff the decision committed. */
export async function scheduleTimers(db: Db, timers: readonly TimerSpec[]): Promise<void> {
  if (timers.length === 0) return;
  await db.query(
    `INSERT INTO timers (kind, key, org_id, group_key, due_at, payload)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[])
     ON CONFLICT (kind, key) DO UPDATE SET
       org_id = EXCLUDED.org_id, group_key = EXCLUDED.group_key, due_at = EXCLUDED.due_at,
       payload = EXCLUDED.payload, attempts = 0, generation = timers.generation + 1`,
    [
      timers.map((timer) => timer.kind),
      timers.map((timer) => timer.key),
      timers.map((timer) => timer.orgId),
      timers.map((timer) => timer.groupKey ?? null),
      timers.map((timer) => timer.dueAt.toISOString()),
      timers.map((timer) => JSON.stringify(timer.payload ?? {})),
    ],
  );
}

/** Cancels timers by (kind, key); cancelling one that does not exist is fine. */
export async function cancelTimers(db: Db, kind: string, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await queryRows(
    db,
    'DELETE FROM timers WHERE kind = $1 AND key = ANY($2::text[]) RETURNING id',
    [kind, keys],
  );
  return rows.length;
}

/** Cancels every timer of a group (optionally only some kinds). */
export async function cancelTimerGroup(db: Db, groupKey: string, kinds?: readonly string[]): Promise<number> {
  const rows = await queryRows(
    db,
    `DELETE FROM timers WHERE group_key = $1 AND ($2::text[] IS NULL OR kind = ANY($2::text[])) RETURNING id`,
    [groupKey, kinds ?? null],
  );
  return rows.length;
}

interface TimerRow {
  id: string;
  kind: string;
  key: string;
  org_id: string;
  group_key: string | null;
  due_at: Date;
  payload: unknown;
  generation: string;
  attempts: number;
}

/** Locks up to `limit` timers due at `now` that no other transaction holds. */
export async function claimDueTimers(
  db: Db,
  kinds: readonly string[],
  now: Date,
  limit: number,
): Promise<DueTimer[]> {
  const rows: TimerRow[] = await db.query(
    `SELECT id, kind, key, org_id, group_key, due_at, payload, generation, attempts FROM timers
     WHERE due_at <= $1 AND kind = ANY($2::text[])
     ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
    [now.toISOString(), kinds, limit],
  );
  return rows.map((row) => ({
    id: String(row.id),
    kind: row.kind,
    key: row.key,
    orgId: row.org_id,
    groupKey: row.group_key ?? undefined,
    dueAt: row.due_at,
    payload: row.payload,
    generation: String(row.generation),
    attempts: row.attempts,
  }));
}

/** Removes a fired timer unless its handler rescheduled it (then the generation moved on). */
export async function finishTimer(db: Db, timer: DueTimer): Promise<void> {
  await db.query('DELETE FROM timers WHERE id = $1 AND generation = $2', [timer.id, timer.generation]);
}

export async function postponeTimer(db: Db, timer: DueTimer, retryAt: Date): Promise<void> {
  await db.query('UPDATE timers SET due_at = $3, attempts = attempts + 1 WHERE id = $1 AND generation = $2', [
    timer.id,
    timer.generation,
    retryAt.toISOString(),
  ]);
}

/** When the next timer of these kinds is due (null when none is pending). */
export async function nextDueAt(db: Db, kinds: readonly string[]): Promise<Date | null> {
  const [row]: { due_at: Date | null }[] = await db.query(
    'SELECT min(due_at) AS due_at FROM timers WHERE kind = ANY($1::text[])',
    [kinds],
  );
  return row?.due_at ?? null;
}
