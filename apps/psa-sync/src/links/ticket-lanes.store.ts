import { Injectable } from '@nestjs/common';
import { queryRows } from '@oncall/platform-persistence';
import { LaneStep } from '@oncall/psa-domain';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { keyOf, LinkKey, LinkRow, OperationRow } from './ticket-link.rows';

/**
 * How long a lane stays with the replica that claimed it without renewing (database clock, so a test
 * clock jumping forward never hands a lane being worked on to another replica). Longer than a PSA call.
 */
export const LEASE_SECONDS = 12;
export const LEASE_RENEWAL_MS = 4_000;

export interface LoadedLane {
  link: LinkRow;
  operation: OperationRow | null;
}

/**
 * Claims of incidents' lanes (ADR 0162). A lane is claimed in one short statement (SKIP LOCKED, no
 * transaction left open while the PSA is called), then every write about it is fenced by the lease owner:
 * a replica that lost its lease (it stalled past LEASE_SECONDS) records nothing.
 */
@Injectable()
export class TicketLanes {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(private readonly dataSource: DataSource) {}

  /** Lanes due at `now` (platform clock) that nobody holds, up to `limit`. */
  async claimDue(now: Date, limit: number): Promise<LinkKey[]> {
    if (limit <= 0) return [];
    const rows = await queryRows<LinkRow>(
      this.dataSource,
      `UPDATE ticket_links l SET lease_owner = $1, lease_until = clock_timestamp() + make_interval(secs => $4)
       FROM (SELECT org_id, incident_id FROM ticket_links
             WHERE next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until < clock_timestamp())
             ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
       WHERE l.org_id = due.org_id AND l.incident_id = due.incident_id
       RETURNING l.org_id, l.incident_id`,
      [this.owner, now.toISOString(), limit, LEASE_SECONDS],
    );
    return rows.map(keyOf);
  }

  /** The link and its oldest pending operation, read in one snapshot; undefined once the lease is lost. */
  async load(key: LinkKey): Promise<LoadedLane | undefined> {
    const [row] = await queryRows<LinkRow & { operation: OperationRow | null }>(
      this.dataSource,
      `SELECT l.*, (SELECT json_build_object('id', o.id::text, 'kind', o.kind, 'payload', o.payload, 'attempts', o.attempts)
                    FROM ticket_operations o WHERE o.org_id = l.org_id AND o.incident_id = l.incident_id
                      AND o.state = 'pending' ORDER BY o.id LIMIT 1) AS operation
       FROM ticket_links l WHERE l.org_id = $1 AND l.incident_id = $2 AND l.lease_owner = $3`,
      [key.orgId, key.incidentId, this.owner],
    );
    if (!row) return undefined;
    const { operation, ...link } = row;
    return { link, operation };
  }

  /**
   * Counts the attempt before it is made: a crash during the call leaves the count up, and the next claim
   * knows the outcome is unknown (so it looks the ticket up before creating it again). Answers the attempt's
   * number, or undefined when the lease was lost.
   */
  async startAttempt(key: LinkKey, step: Exclude<LaneStep, { kind: 'idle' }>): Promise<number | undefined> {
    const params = [key.orgId, key.incidentId, this.owner];
    const rows =
      step.kind === 'create'
        ? await queryRows<{ attempts: number }>(
            this.dataSource,
            `UPDATE ticket_links SET attempts = attempts + 1
             WHERE org_id = $1 AND incident_id = $2 AND lease_owner = $3 RETURNING attempts`,
            params,
          )
        : await queryRows<{ attempts: number }>(
            this.dataSource,
            `UPDATE ticket_operations o SET attempts = o.attempts + 1 WHERE o.id = $4 AND EXISTS (
               SELECT 1 FROM ticket_links l WHERE l.org_id = $1 AND l.incident_id = $2 AND l.lease_owner = $3)
             RETURNING o.attempts`,
            [...params, step.operation.id],
          );
    return rows[0]?.attempts;
  }

  /**
   * Gives the lane back when it has nothing left to do. Work queued while it ran moved `work_version` on:
   * then it stays due, so the note added a millisecond ago is not left waiting for the next one.
   */
  async release(key: LinkKey, seenWorkVersion: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE ticket_links SET lease_owner = NULL, lease_until = NULL,
         next_attempt_at = CASE WHEN work_version <> $4 AND state = 'created' THEN $5::timestamptz END
       WHERE org_id = $1 AND incident_id = $2 AND lease_owner = $3`,
      [key.orgId, key.incidentId, this.owner, seenWorkVersion, now.toISOString()],
    );
  }

  /** Gives the lane back still due (it had a long queue: other lanes get their turn). */
  async yieldTurn(key: LinkKey, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE ticket_links SET lease_owner = NULL, lease_until = NULL, next_attempt_at = $4
       WHERE org_id = $1 AND incident_id = $2 AND lease_owner = $3`,
      [key.orgId, key.incidentId, this.owner, now.toISOString()],
    );
  }

  /** Keeps the lanes this replica is working on (only those: a lane abandoned after an error lapses). */
  async renewLeases(keys: readonly LinkKey[]): Promise<void> {
    if (keys.length === 0) return;
    await this.dataSource.query(
      `UPDATE ticket_links l SET lease_until = clock_timestamp() + make_interval(secs => $2)
       FROM unnest($3::text[], $4::text[]) AS k(org_id, incident_id)
       WHERE l.org_id = k.org_id AND l.incident_id = k.incident_id AND l.lease_owner = $1`,
      [this.owner, LEASE_SECONDS, keys.map((key) => key.orgId), keys.map((key) => key.incidentId)],
    );
  }

  /** Milliseconds until the next lane nobody holds is due (platform clock); null when none waits. */
  async nextDueInMs(now: Date): Promise<number | null> {
    const [row] = await queryRows<{ due: Date | null }>(
      this.dataSource,
      `SELECT min(next_attempt_at) AS due FROM ticket_links
       WHERE next_attempt_at IS NOT NULL AND (lease_until IS NULL OR lease_until < clock_timestamp())`,
    );
    return row?.due ? Math.max(row.due.getTime() - now.getTime(), 1) : null;
  }
}
