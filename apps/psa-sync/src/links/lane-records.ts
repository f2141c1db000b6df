import { Injectable } from '@nestjs/common';
import { externalIdOf, LaneDecision, LaneStep, PsaTicketRef } from '@oncall/psa-domain';
import { DataSource, EntityManager } from 'typeorm';
import { enqueuePsaFacts, failureText, FactContext, PsaFact, ticketName } from './psa-facts';
import { LinkKey, OperationRow } from './ticket-link.rows';

/** What a step did beyond its decision, for the facts: the status a close moved the ticket to. */
export interface StepDetail {
  closedWith?: string | null;
  noteId?: string | null;
}

interface FactBase {
  incidentId: string;
  orgId: string;
  externalId: string;
}

type Step = Exclude<LaneStep, { kind: 'idle' }>;

/**
 * Records a lane's decision and its fact in one transaction, fenced by the lease: answers false (and writes
 * nothing) when another replica holds the lane now.
 */
@Injectable()
export class LaneRecords {
  constructor(private readonly dataSource: DataSource) {}

  record(
    owner: string,
    key: LinkKey,
    step: Step,
    decision: LaneDecision,
    detail: StepDetail,
    context: FactContext,
  ) {
    return this.dataSource.transaction(async (tx) => {
      const held: unknown[] = await tx.query(
        'SELECT 1 FROM ticket_links WHERE org_id = $1 AND incident_id = $2 AND lease_owner = $3 FOR UPDATE',
        [key.orgId, key.incidentId, owner],
      );
      if (held.length === 0) return false;
      await this.apply(tx, key, step, decision, context.occurredAt);
      const fact = factOf(key, step, decision, detail);
      if (fact) await enqueuePsaFacts(tx, [fact], context);
      return true;
    });
  }

  private async apply(tx: EntityManager, key: LinkKey, step: Step, decision: LaneDecision, now: Date) {
    const link = [key.orgId, key.incidentId];
    const release = 'lease_owner = NULL, lease_until = NULL';
    switch (decision.kind) {
      case 'ticket-created':
        return tx.query(
          `UPDATE ticket_links SET state = 'created', provider = $3, ticket_id = $4, url = $5, failure = NULL
           WHERE org_id = $1 AND incident_id = $2`,
          [...link, decision.ticket.provider, decision.ticket.ticketId, decision.ticket.url],
        );
      case 'ticket-failed':
        return tx.query(
          `UPDATE ticket_links SET state = 'failed', failure = $3, next_attempt_at = NULL, ${release}
           WHERE org_id = $1 AND incident_id = $2`,
          [...link, JSON.stringify(decision.failure)],
        );
      case 'retry':
        if (step.kind === 'operation')
          await this.setOperation(tx, step.operation, 'pending', decision.failure, null);
        return tx.query(
          `UPDATE ticket_links SET failure = $3, next_attempt_at = $4, ${release} WHERE org_id = $1 AND incident_id = $2`,
          [...link, JSON.stringify(decision.failure), decision.retryAt],
        );
      case 'operation-done':
        return this.setOperation(tx, decision.operation, 'done', null, now);
      case 'operation-failed':
        return this.setOperation(tx, decision.operation, 'failed', decision.failure, now);
    }
  }

  private setOperation(
    tx: EntityManager,
    operation: Pick<OperationRow, 'id'>,
    state: string,
    failure: unknown,
    at: Date | null,
  ) {
    return tx.query('UPDATE ticket_operations SET state = $2, failure = $3, done_at = $4 WHERE id = $1', [
      operation.id,
      state,
      failure === null ? null : JSON.stringify(failure),
      at?.toISOString() ?? null,
    ]);
  }
}

function factOf(key: LinkKey, step: Step, decision: LaneDecision, detail: StepDetail): PsaFact | null {
  const base: FactBase = {
    incidentId: key.incidentId,
    orgId: key.orgId,
    externalId: externalIdOf(key.orgId, key.incidentId),
  };
  switch (decision.kind) {
    case 'ticket-created':
      return { type: 'TicketCreated', data: { ...base, summary: `PSA ticket ${ticketName(decision.ticket)} created`, ticket: decision.ticket } }; // prettier-ignore
    case 'ticket-failed':
      return { type: 'TicketFailed', data: { ...base, summary: `The PSA refused the ticket: ${failureText(decision.failure)}`, failure: decision.failure } }; // prettier-ignore
    case 'retry':
      if (!decision.fact) return null;
      return { type: 'TicketDelayed', data: { ...base, summary: `PSA ticket delayed: ${failureText(decision.failure)}; trying again`, failure: decision.failure, retryAt: decision.retryAt } }; // prettier-ignore
    case 'operation-done':
    case 'operation-failed':
      return step.kind === 'operation' ? operationFact(base, step.ticket, decision, detail) : null;
  }
}

function operationFact(
  base: FactBase,
  ticket: PsaTicketRef,
  decision: Extract<LaneDecision, { kind: 'operation-done' | 'operation-failed' }>,
  detail: StepDetail,
): PsaFact {
  const name = ticketName(ticket);
  const failure = decision.kind === 'operation-failed' ? decision.failure : null;
  const refused = failure ? `: ${failureText(failure)}` : '';
  if (decision.operation.kind === 'close') {
    const status = detail.closedWith ?? null;
    const done = status ? `${name} moved to ${status} in the PSA` : `${name} closed in the PSA`;
    const summary = failure ? `The PSA refused to ${status ? `move ${name} to ${status}` : `close ${name}`}${refused}` : done; // prettier-ignore
    const data = { ...base, summary, ticket, status };
    return failure
      ? { type: 'TicketCloseFailed', data: { ...data, failure } }
      : { type: 'TicketClosed', data };
  }
  const resolution = decision.operation.kind === 'resolution-note';
  const what = resolution ? 'resolution note' : 'note';
  const summary = failure ? `The PSA refused a ${what} on ${name}${refused}` : `${resolution ? 'Resolution note' : 'Note'} posted to ${name}`; // prettier-ignore
  const data = { ...base, summary, ticket, noteId: detail.noteId ?? null, resolution };
  return failure ? { type: 'NoteFailed', data: { ...data, failure } } : { type: 'NotePosted', data };
}
