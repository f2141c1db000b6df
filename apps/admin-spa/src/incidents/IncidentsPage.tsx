import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { StatusFilter } from '../api/endpoints';
import { problemOf } from '../api/problem';
import type { IncidentSummary } from '../api/types';
import { ColumnHeads } from '../components/ColumnHeads';
import { LiveIndicator } from '../components/LiveIndicator';
import { Pager } from '../components/Pager';
import { ProblemMessage } from '../components/ProblemMessage';
import { useIncidentLive } from '../live/use-incident-live';
import { useSession } from '../session-context';
import { filtersOf, IncidentFilterBar, type ListFilters, withFilters } from './IncidentFilterBar';
import { IncidentRow } from './IncidentRow';
import { STATUS_TABS, StatusTabs } from './StatusTabs';
import { useIncidentActions } from './use-incident-actions';
import { useIncidentPage } from './use-incident-page';

/**
 * The incident list: one status (or all), optionally one severity, service or the viewer's own, newest
 * first, a page at a time, refreshed on every change. Status and filters live in the query string, so a
 * reload or a shared link keeps them.
 */
export function IncidentsPage() {
  const { api, timeZone, me } = useSession();
  const [params, setParams] = useSearchParams();
  const status = STATUS_TABS.find((tab) => tab.value === params.get('status'))?.value ?? 'all';
  const filters = filtersOf(params);
  /** Cursors of the pages walked so far; the last one is shown (null = the first page). */
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const listId = useId();
  const cursor = cursors[cursors.length - 1];
  const { query, changed, replace } = useIncidentPage(status, cursor, {
    severity: filters.severity,
    serviceId: filters.serviceId,
    assigneeId: filters.mine ? me.id : null,
  });
  const page = query.data ?? null;
  const problem = query.error ? problemOf(query.error) : null;
  const live = useIncidentLive(api, changed, () => void query.refetch());
  const conflicted = (incident: IncidentSummary) =>
    changed({ incidentId: incident.incidentId, type: 'Conflict', version: incident.version + 1, at: null });
  const { act, busy, problems } = useIncidentActions(replace, conflicted);

  const choose = (next: StatusFilter) => {
    const nextParams = new URLSearchParams(params);
    if (next === 'all') nextParams.delete('status');
    else nextParams.set('status', next);
    setParams(nextParams);
    setCursors([null]);
  };
  const filter = (next: ListFilters) => {
    setParams(withFilters(params, next));
    setCursors([null]);
  };

  return (
    <main className="page">
      <div className="page-head">
        <h1>Incidents</h1>
        <LiveIndicator state={live} />
      </div>
      <IncidentFilterBar value={filters} onChange={filter} />
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
            <ColumnHeads
              columns={[
                'Status',
                'Incident',
                'Severity',
                { label: 'Alerts', numeric: true },
                'Triggered',
                'Acknowledged by',
                { label: 'Actions', hidden: true },
              ]}
            />
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
