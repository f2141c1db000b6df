import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiProblem, problemOf } from '../api/problem';
import type { IncidentSummary, TicketRequestView } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { missingTicketText, ticketName } from '../format/ticket';
import { useSession } from '../session-context';

/**
 * The incident's PSA ticket: a link when it has one; else whether tickets are off, or a button to ask for
 * one (once: asking again answers the same ticket). The ticket itself arrives with the incident's next
 * change (TicketLinked), which the page reloads on.
 */
export function TicketLine({ incident }: { incident: IncidentSummary }) {
  const { api, canRespond } = useSession();
  const status =
    useQuery({ queryKey: ['psa-status'], queryFn: api.psaStatus, staleTime: 60_000 }).data ?? null;
  const [request, setRequest] = useState<TicketRequestView | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);

  // Unknown (not answered yet, or refused): the button stays, and a request says why if it cannot be made.

  if (incident.ticket) {
    const name = ticketName(incident.ticket);
    return incident.ticket.url ? (
      <a href={incident.ticket.url} target="_blank" rel="noreferrer noopener">
        {name}
      </a>
    ) : (
      <>{name}</>
    );
  }
  const ask = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setRequest(await api.requestTicket(incident.incidentId));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  const text = missingTicketText(status, request);
  const canAsk = canRespond && status?.configured !== false && request?.state !== 'pending';
  return (
    <>
      {text ?? (canAsk ? null : '—')}
      {canAsk && (
        <button type="button" className="inline-action" disabled={busy} onClick={() => void ask()}>
          {request?.state === 'failed' ? 'Try again' : 'Create PSA ticket'}
        </button>
      )}
      <ProblemMessage problem={problem} inline />
    </>
  );
}
