import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { problemOf } from '../api/problem';
import type { AlertHistoryPage } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { formatDateTime } from '../format/time';
import { useSession } from '../session-context';
import { LoadOlder } from './LoadOlder';

const PAGE = 20;

/**
 * What each of the incident's alerts' senders posted, as the alert history keeps it (30 days, without the
 * integration key); read only when opened, a page at a time, newest first.
 */
export function RawPayloads({ incidentId }: { incidentId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="raw-payloads" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Raw payloads as received</summary>
      {open && <RawPayloadList incidentId={incidentId} />}
    </details>
  );
}

function RawPayloadList({ incidentId }: { incidentId: string }) {
  const { api, timeZone } = useSession();
  const history = useInfiniteQuery({
    queryKey: ['raw-payloads', incidentId],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api.client.get<AlertHistoryPage>(
        `/api/v1/incidents/${encodeURIComponent(incidentId)}/alert-history?limit=${PAGE}` +
          (pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''),
      ),
    getNextPageParam: (last) => last.nextCursor,
  });
  if (history.isPending) return <p className="empty">Loading…</p>;
  if (history.error) return <ProblemMessage problem={problemOf(history.error)} />;
  const entries = history.data.pages.flatMap((page) => page.items);
  if (entries.length === 0)
    return <p className="empty">No alert of this incident in the alert history (kept 30 days).</p>;
  return (
    <>
      <ol className="raw-list">
        {entries.map((entry) => (
          <li key={entry.alertId}>
            <p>
              <time dateTime={entry.storedAt}>{formatDateTime(entry.storedAt, timeZone)}</time> ·{' '}
              {entry.alert.summary} <span className="muted">({entry.action})</span>
            </p>
            {entry.raw === undefined ? (
              <p className="muted">Received before raw payloads were kept.</p>
            ) : (
              <pre aria-label={`Raw payload of alert ${entry.alertId}`}>
                {JSON.stringify(entry.raw, null, 2)}
              </pre>
            )}
          </li>
        ))}
      </ol>
      <LoadOlder
        what="raw payloads"
        shown={entries.length}
        hasMore={history.hasNextPage}
        busy={history.isFetchingNextPage}
        onLoad={() => void history.fetchNextPage()}
      />
    </>
  );
}
