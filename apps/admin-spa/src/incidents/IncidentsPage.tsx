import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { StatusFilter } from '../api/endpoints';
import { type ApiProblem, problemOf } from '../api/problem';
import type { IncidentPage, IncidentSummary } from '../api/types';
import { LiveIndicator } from '../components/LiveIndicator';
import { Pager } from '../components/Pager';
import { ProblemMessage } from '../components/ProblemMessage';
import { keepNewer, MAX_RETRIES, RELOAD_DELAY_MS, rememberChange, unseenChanges } from '../live/freshness';
import type { IncidentChange } from '../live/incident-events';
import { useIncidentLive } from '../live/use-incident-live';
import { useSession } from '../session-context';
import { useDebounced } from '../use-debounced';
import { IncidentRow } from './IncidentRow';
import { StatusTabs } from './StatusTabs';
import { useIncidentActions } from './use-incident-actions';

/** The incident list: one status (or all), newest first, a page at a time, refreshed on every change. */
export function IncidentsPage() {
  const { api, timeZone } = useSession();
  const [status, setStatus] = useState<StatusFilter>('all');
  /** Cursors of the pages walked so far; the last one is shown (null = the first page). */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<IncidentPage | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const listId = useId();
  const cursor = cursors[cursors.length - 1];
  const request = useRef(0);
  /** The rows on screen (mirrors `page.items` for the callbacks). */
  const shown = useRef<IncidentSummary[]>([]);
  /** Announced changes the list does not show yet, and how often it reloaded for them. */
  const pending = useRef<ReadonlyMap<string, IncidentChange>>(new Map());
  const retries = useRef(0);
  const reloadSoon = useDebounced(() => void load(), RELOAD_DELAY_MS);

  const load = useCallback(async () => {
    const mine = ++request.current;
    try {
      const answer = await api.incidents(status, cursor);
      if (mine !== request.current) return;
      const items = keepNewer(answer.items, shown.current);
      shown.current = items;
      setPage({ ...answer, items });
      setProblem(null);
      const expectNew = cursor === null && (status === 'all' || status === 'triggered');
      pending.current = unseenChanges(pending.current, items, expectNew);
      if (pending.current.size > 0 && retries.current++ < MAX_RETRIES) reloadSoon();
    } catch (error) {
      if (mine === request.current) setProblem(problemOf(error));
    }
  }, [api, status, cursor, reloadSoon]);

  useEffect(() => {
    void load();
  }, [load]);

  const onChange = (change: IncidentChange) => {
    pending.current = rememberChange(pending.current, change);
    retries.current = 0;
    reloadSoon();
  };
  const live = useIncidentLive(api, onChange, reloadSoon);

  const replace = useCallback((incident: IncidentSummary) => {
    const items = keepNewer(shown.current, [incident]);
    shown.current = items;
    setPage((current) => current && { ...current, items });
  }, []);
  const conflicted = (incident: IncidentSummary) =>
    onChange({ incidentId: incident.incidentId, type: 'Conflict', version: incident.version + 1, at: null });
  const { act, busy, problems } = useIncidentActions(replace, conflicted);

  const choose = (next: StatusFilter) => {
    setStatus(next);
    setCursors([null]);
    setPage(null);
    shown.current = [];
    pending.current = new Map();
  };

  return (
    <main className="page">
      <div className="page-head">
        <h1>Incidents</h1>
        <LiveIndicator state={live} />
      </div>
      <StatusTabs value={status} onChange={choose} controls={listId} />
      <section id={listId} role="tabpanel" aria-label="Incident list" className="card">
        <ProblemMessage problem={problem} />
        {!page && !problem && <p className="empty">Loading…</p>}
        {page && page.items.length === 0 && <p className="empty">No incidents here.</p>}
        {page && page.items.length > 0 && (
          <table className="incidents">
            <caption className="visually-hidden">
              Incidents, newest first. Times in {timeZone ?? 'your time zone'}.
            </caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Incident</th>
                <th scope="col">Severity</th>
                <th scope="col" className="numeric">
                  Alerts
                </th>
                <th scope="col">Triggered</th>
                <th scope="col">Acknowledged by</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((incident) => (
                <IncidentRow
                  key={incident.incidentId}
                  incident={incident}
                  busy={busy.has(incident.incidentId)}
                  problem={problems.get(incident.incidentId) ?? null}
                  onAct={act}
                />
              ))}
            </tbody>
          </table>
        )}
        <Pager
          page={cursors.length}
          hasPrevious={cursors.length > 1}
          hasNext={Boolean(page?.nextCursor)}
          onPrevious={() => setCursors((current) => current.slice(0, -1))}
          onNext={() => page?.nextCursor && setCursors((current) => [...current, page.nextCursor])}
        />
      </section>
    </main>
  );
}
