import type { IncidentSummary, PsaConnectionState, TicketRequestView } from '../api/types';

type Ticket = NonNullable<IncidentSummary['ticket']>;

/** "psa #4711": how a ticket is named on an incident. */
export function ticketName(ticket: Ticket): string {
  return `${ticket.provider} #${ticket.ticketId}`;
}

/**
 * What the ticket line says when the incident has no ticket: why there is none, or that one is on its
 * way. Null when a button to ask for one is all there is to show.
 */
export function missingTicketText(
  status: PsaConnectionState | null,
  request: TicketRequestView | null,
): string | null {
  if (status && !status.configured) return 'PSA tickets are off (no PSA is configured)';
  if (request?.state === 'pending') return 'Ticket requested: it appears here once the PSA has made it';
  if (request?.state === 'failed')
    return `The PSA refused the ticket: ${request.failure?.message ?? 'no reason given'}`;
  return null;
}
