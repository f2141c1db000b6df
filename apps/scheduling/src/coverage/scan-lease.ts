import { queryRows } from '@oncall/platform-persistence';
import { EntityManager } from 'typeorm';

/** A run whose heartbeat is older than this was interrupted (its replica died): another may take it over. */
const STALE_HEARTBEAT = '2 minutes';
/** How often the replica scanning renews its heartbeat (well within STALE_HEARTBEAT). */
const RENEW_EVERY_MS = 15_000;

type Db = Pick<EntityManager, 'query'>;

export class LeaseLostError extends Error {
  constructor(day: string) {
    super(`The daily gap scan of ${day} was taken over by another replica.`);
    this.name = 'LeaseLostError';
  }
}

/**
 * The lease on one day's row of gap_scan_runs: claimed by one replica (a new day, or a run whose heartbeat
 * went stale), renewed while it scans, released by marking the run finished.
 */
export class ScanLease {
  // Heartbeat pacing follows the wall time PostgreSQL's now() stamps the lease with, not the platform clock.
  // eslint-disable-next-line no-restricted-syntax -- heartbeat pacing, wall time like now() in SQL
  private renewedAt = Date.now();

  private constructor(
    private readonly db: Db,
    readonly day: string,
    private readonly owner: string,
  ) {}

  /** The lease for `day`, or null when another replica holds it or the day's run is done. */
  static async claim(db: Db, day: string, owner: string): Promise<ScanLease | null> {
    const claimed = await queryRows(
      db,
      `INSERT INTO gap_scan_runs (day, started_at, heartbeat_at, owner) VALUES ($1, now(), now(), $2)
       ON CONFLICT (day) DO UPDATE SET started_at = now(), heartbeat_at = now(), owner = $2
         WHERE gap_scan_runs.finished_at IS NULL
           AND gap_scan_runs.heartbeat_at < now() - interval '${STALE_HEARTBEAT}'
       RETURNING day`,
      [day, owner],
    );
    return claimed.length > 0 ? new ScanLease(db, day, owner) : null;
  }

  /** Renews the heartbeat if the last renewal is RENEW_EVERY_MS old; throws LeaseLostError if taken over. */
  async renewIfDue(): Promise<void> {
    // eslint-disable-next-line no-restricted-syntax -- heartbeat pacing, wall time like now() in SQL
    if (Date.now() - this.renewedAt < RENEW_EVERY_MS) return;
    await this.update('heartbeat_at = now()');
    // eslint-disable-next-line no-restricted-syntax -- heartbeat pacing, wall time like now() in SQL
    this.renewedAt = Date.now();
  }

  async finish(): Promise<void> {
    await this.update('heartbeat_at = now(), finished_at = now()');
  }

  private async update(assignments: string): Promise<void> {
    const rows = await queryRows(
      this.db,
      `UPDATE gap_scan_runs SET ${assignments}
       WHERE day = $1 AND owner = $2 AND finished_at IS NULL RETURNING day`,
      [this.day, this.owner],
    );
    if (rows.length === 0) throw new LeaseLostError(this.day);
  }
}
