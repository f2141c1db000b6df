import { Injectable } from '@nestjs/common';
import { externalIdOf } from '@oncall/psa-domain';
import { queryRows } from '@oncall/platform-persistence';
import { EntityManager } from 'typeorm';
import { enqueuePsaFacts, FactContext, pendingSummary } from './psa-facts';
import { LinkKey, LinkRow, OperationPayload } from './ticket-link.rows';

export interface TicketRequest extends LinkKey {
  requestedBy: 'trigger' | 'acknowledge' | 'manual';
  userId: string | null;
}

export interface NewOperation extends LinkKey {
  /** The event (and part of it) the operation comes from: a redelivered event adds nothing. */
  sourceId: string;
  kind: 'note' | 'resolution-note' | 'close';
  payload: OperationPayload;
}

// $1 to $5 of a request statement: organization, incident, who asked (kind, user), when.
const RESERVE_SQL = `INSERT INTO ticket_links (org_id, incident_id, state, requested_by, requested_by_user, requested_at, next_attempt_at)
  VALUES ($1, $2, 'pending', $3, $4, $5, $5) ON CONFLICT DO NOTHING RETURNING *`;
const RETRY_FAILED_SQL = `UPDATE ticket_links SET state = 'pending', generation = generation + 1, attempts = 0, failure = NULL,
    requested_by = $3, requested_by_user = $4, requested_at = $5, next_attempt_at = $5
  WHERE org_id = $1 AND incident_id = $2 AND state = 'failed' RETURNING *`;

/**
 * The reservation of an incident's ticket (ADR 0162): a row made before the PSA is ever called, so however
 * many replicas, redeliveries and requests there are, one lane creates one ticket. Callers pass their
 * transaction; every change that the timeline should show writes its fact with it.
 */
@Injectable()
export class TicketLinks {
  find(db: EntityManager, key: LinkKey, forUpdate = false): Promise<LinkRow | undefined> {
    return queryRows<LinkRow>(
      db,
      `SELECT * FROM ticket_links WHERE org_id = $1 AND incident_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [key.orgId, key.incidentId],
    ).then((rows) => rows[0]);
  }

  /** Reserves the ticket unless it is reserved already; answers the new row, or undefined. */
  reserve(tx: EntityManager, request: TicketRequest, context: FactContext): Promise<LinkRow | undefined> {
    return this.writeRequest(tx, RESERVE_SQL, request, context);
  }

  /** A person asks again after the PSA refused the ticket: a new generation (and Idempotency-Key) is tried. */
  retryFailed(tx: EntityManager, request: TicketRequest, context: FactContext): Promise<LinkRow | undefined> {
    return this.writeRequest(tx, RETRY_FAILED_SQL, request, context);
  }

  /** Runs RESERVE_SQL or RETRY_FAILED_SQL and announces the row it answers, if any. */
  private async writeRequest(
    tx: EntityManager,
    sql: string,
    request: TicketRequest,
    context: FactContext,
  ): Promise<LinkRow | undefined> {
    const [row] = await queryRows<LinkRow>(tx, sql, [
      request.orgId,
      request.incidentId,
      request.requestedBy,
      request.userId,
      context.occurredAt.toISOString(),
    ]);
    if (row) await this.announce(tx, row, context);
    return row;
  }

  /**
   * Queues a note or the resolution behind whatever the lane has to do. A lane that is idle becomes due;
   * one waiting out a PSA outage keeps its time; `work_version` tells a lane finishing right now that
   * there is more.
   */
  async enqueue(tx: EntityManager, operation: NewOperation, now: Date): Promise<void> {
    await tx.query(
      `WITH added AS (
         INSERT INTO ticket_operations (org_id, incident_id, source_id, kind, payload)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (source_id) DO NOTHING RETURNING org_id, incident_id)
       UPDATE ticket_links l SET work_version = l.work_version + 1,
         next_attempt_at = CASE WHEN l.state IN ('pending', 'created') THEN COALESCE(l.next_attempt_at, $6)
           ELSE l.next_attempt_at END
       FROM added WHERE l.org_id = added.org_id AND l.incident_id = added.incident_id`,
      [
        operation.orgId,
        operation.incidentId,
        operation.sourceId,
        operation.kind,
        JSON.stringify(operation.payload),
        now.toISOString(),
      ],
    );
  }

  private async announce(tx: EntityManager, row: LinkRow, context: FactContext): Promise<void> {
    await enqueuePsaFacts(
      tx,
      [
        {
          type: 'TicketPending',
          data: {
            incidentId: row.incident_id,
            orgId: row.org_id,
            externalId: externalIdOf(row.org_id, row.incident_id),
            summary: pendingSummary(row.requested_by),
            requestedBy: row.requested_by,
            userId: row.requested_by_user,
            generation: row.generation,
          },
        },
      ],
      context,
    );
  }
}
