import { retryDelayMs } from './retry-schedule';
import type { Instant, PsaCapabilities, PsaFailure, PsaTicketRef } from './psa.types';

/**
 * One incident's traffic to the PSA is a lane: create the ticket, then its operations (notes, the
 * resolution note, closing) one at a time in the order they happened. The dispatcher loads the lane, asks
 * `nextStep`, makes the call, and records what `afterOutcome` decides (ADR 0162).
 */
export type LinkState = 'pending' | 'created' | 'failed';
export type OperationKind = 'note' | 'resolution-note' | 'close';

export interface LaneLink {
  readonly state: LinkState;
  /** Creation attempts started in this generation, the one about to be made excluded. */
  readonly attempts: number;
  readonly ticket: PsaTicketRef | null;
}

export interface LaneOperation {
  readonly id: string;
  readonly kind: OperationKind;
  /** Attempts started, the one about to be made excluded. */
  readonly attempts: number;
}

export interface Lane {
  readonly link: LaneLink;
  /** The oldest operation still to do. */
  readonly operation: LaneOperation | null;
}

export type LaneStep =
  | { readonly kind: 'create'; readonly lookUpFirst: boolean }
  | { readonly kind: 'operation'; readonly operation: LaneOperation; readonly ticket: PsaTicketRef }
  | { readonly kind: 'idle' };

/**
 * After an attempt whose outcome is unknown (a crash, a timeout, an answer lost on the way) the ticket
 * may exist: look it up by external id before creating again, when the adapter can.
 */
export function nextStep(lane: Lane, capabilities: Pick<PsaCapabilities, 'findByExternalId'>): LaneStep {
  const { link, operation } = lane;
  if (link.state === 'pending')
    return { kind: 'create', lookUpFirst: link.attempts > 0 && capabilities.findByExternalId };
  if (link.state === 'created' && link.ticket && operation)
    return { kind: 'operation', operation, ticket: link.ticket };
  return { kind: 'idle' };
}

export type CallOutcome =
  | { readonly ok: true; readonly ticket?: PsaTicketRef }
  | { readonly ok: false; readonly failure: PsaFailure };

/** What happened, for the record: each names the fact published on ONCALL_PSA (null = none). */
export type LaneDecision =
  | { readonly kind: 'ticket-created'; readonly ticket: PsaTicketRef; readonly fact: 'TicketCreated' }
  | {
      readonly kind: 'retry';
      readonly retryAt: Instant;
      readonly failure: PsaFailure;
      /** Told once per request, on the first failure: the timeline says the ticket is delayed and why. */
      readonly fact: 'TicketDelayed' | null;
    }
  | { readonly kind: 'ticket-failed'; readonly failure: PsaFailure; readonly fact: 'TicketFailed' }
  | {
      readonly kind: 'operation-done';
      readonly operation: LaneOperation;
      readonly fact: 'NotePosted' | 'TicketClosed';
    }
  | {
      readonly kind: 'operation-failed';
      readonly operation: LaneOperation;
      readonly failure: PsaFailure;
      readonly fact: 'NoteFailed' | 'TicketCloseFailed';
    };

/**
 * `attempt` is the number of the attempt just made (1 for the first). Transient failures wait on the
 * platform clock with backoff and are retried for ever; permanent ones are recorded and the lane moves on
 * (a refused note does not hold back the resolution).
 */
export function afterOutcome(
  step: Exclude<LaneStep, { kind: 'idle' }>,
  outcome: CallOutcome,
  context: { readonly now: Instant; readonly attempt: number; readonly random: number },
): LaneDecision {
  if (!outcome.ok && outcome.failure.kind === 'transient') {
    const retryAt = new Date(Date.parse(context.now) + retryDelayMs(context.attempt, context.random));
    const fact = step.kind === 'create' && context.attempt === 1 ? 'TicketDelayed' : null;
    return { kind: 'retry', retryAt: retryAt.toISOString(), failure: outcome.failure, fact };
  }
  if (step.kind === 'create') {
    if (!outcome.ok) return { kind: 'ticket-failed', failure: outcome.failure, fact: 'TicketFailed' };
    if (!outcome.ticket) throw new Error('A created ticket must be named');
    return { kind: 'ticket-created', ticket: outcome.ticket, fact: 'TicketCreated' };
  }
  const { operation } = step;
  const closing = operation.kind === 'close';
  if (!outcome.ok) {
    const fact = closing ? 'TicketCloseFailed' : 'NoteFailed';
    return { kind: 'operation-failed', operation, failure: outcome.failure, fact };
  }
  return { kind: 'operation-done', operation, fact: closing ? 'TicketClosed' : 'NotePosted' };
}
