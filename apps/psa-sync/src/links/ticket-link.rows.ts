import { TicketRequestReason, TicketRequestView } from '@oncall/contracts';
import { LinkState, OperationKind, PsaFailure, PsaTicketRef } from '@oncall/psa-domain';

export interface LinkKey {
  orgId: string;
  incidentId: string;
}

export interface LinkRow {
  org_id: string;
  incident_id: string;
  state: LinkState;
  requested_by: TicketRequestReason;
  requested_by_user: string | null;
  requested_at: Date;
  generation: number;
  attempts: number;
  provider: string | null;
  ticket_id: string | null;
  url: string | null;
  failure: PsaFailure | null;
  next_attempt_at: Date | null;
  work_version: string;
}

export interface OperationRow {
  id: string;
  kind: OperationKind;
  payload: OperationPayload;
  attempts: number;
}

/** What an operation needs to be sent, as its event told it (texts are written when it is sent). */
export type OperationPayload =
  | { kind: 'note'; noteId: string; text: string; by: string | null; at: string }
  | {
      kind: 'resolution';
      reason: 'manual' | 'source' | 'auto' | 'merged';
      by: string | null;
      at: string;
      mergedInto: string | null;
    };

export function keyOf(row: Pick<LinkRow, 'org_id' | 'incident_id'>): LinkKey {
  return { orgId: row.org_id, incidentId: row.incident_id };
}

export function ticketOf(row: LinkRow): PsaTicketRef | null {
  return row.ticket_id ? { provider: row.provider ?? 'psa', ticketId: row.ticket_id, url: row.url } : null;
}

export function requestViewOf(row: LinkRow): TicketRequestView {
  return {
    state: row.state,
    ticket: ticketOf(row),
    failure: row.state === 'failed' ? row.failure : null,
    requestedAt: new Date(row.requested_at).toISOString(),
  };
}
