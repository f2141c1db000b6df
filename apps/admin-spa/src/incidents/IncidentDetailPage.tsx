import { lazy, Suspense, useEffect } from 'react';
import { Link } from 'react-router';
import { problemOf } from '../api/problem';
import type { IncidentSummary } from '../api/types';
import { LiveIndicator } from '../components/LiveIndicator';
import { ProblemMessage } from '../components/ProblemMessage';
import { useIncidentLive } from '../live/use-incident-live';
import { incidentPath } from '../paths';
import { useSession } from '../session-context';
import { AlertsList } from './AlertsList';
import { defendSummaryOf } from './defend-facts';
import { DefendPanel } from './DefendPanel';
import { IncidentActions } from './IncidentActions';
import { IncidentFacts } from './IncidentFacts';
import { LoadOlder } from './LoadOlder';
import { NoteForm } from './NoteForm';
import { NotesList } from './NotesList';
import { RawPayloads } from './RawPayloads';
import { StatusBadge } from './StatusBadge';
import { Timeline } from './Timeline';
import { useIncidentActions } from './use-incident-actions';
import { useIncidentDetail } from './use-incident-detail';
import { useIncidentLists } from './use-incident-lists';

// Snooze / reassign / escalate / merge load on demand: the first page stays small.
const MoreActions = lazy(() => import('./MoreActions'));

/**
 * One incident: summary, alerts, notes (and a form to add one), timeline; reloaded when it changes. The
 * lists come a page at a time, newest first, however large the incident.
 */
export function IncidentDetailPage({ incidentId }: { incidentId: string }) {
  const { api, canRespond, timeZone } = useSession();
  const { lists, showDetail, loadOlder, loading, problem: listProblem } = useIncidentLists(incidentId);
  const { query, expectVersion, updated } = useIncidentDetail(incidentId);
  const detail = query.data?.detail ?? null;
  const problem = query.error ? problemOf(query.error) : null;

  useEffect(() => {
    if (detail) showDetail(detail);
  }, [detail, showDetail]);

  const live = useIncidentLive(
    api,
    (change) => {
      if (change.incidentId === incidentId) expectVersion(change.version);
    },
    () => expectVersion(null),
  );
  const noteAdded = (version: number) => expectVersion(version);
  const conflicted = (incident: IncidentSummary) => expectVersion(incident.version + 1);
  const { act, busy, problems } = useIncidentActions(updated, conflicted);
  const defend = lists ? defendSummaryOf(lists.alerts.items) : null;

  return (
    <main className="page">
      <p className="back">
        <Link to="/">← All incidents</Link>
      </p>
      <ProblemMessage problem={problem ?? listProblem} />
      {!detail && !problem && <p className="empty">Loading…</p>}
      {detail && lists && (
        <>
          <div className="page-head">
            <h1 id="incident-title">{detail.incident.title}</h1>
            <StatusBadge status={detail.incident.status} />
            <LiveIndicator state={live} />
          </div>
          <IncidentActions
            incident={detail.incident}
            busy={busy.has(incidentId)}
            problem={problems.get(incidentId) ?? null}
            onAct={act}
            describedBy="incident-title"
          />
          {defend && <DefendPanel defend={defend} />}
          <Suspense fallback={null}>
            <MoreActions incident={detail.incident} onUpdated={updated} onConflict={conflicted} />
          </Suspense>
          {detail.mergedInto && (
            <p className="notice">
              Merged into <Link to={incidentPath(detail.mergedInto)}>another incident</Link>.
            </p>
          )}
          <div className="detail-grid">
            <section className="card" aria-labelledby="summary-heading">
              <h2 id="summary-heading">Summary</h2>
              <IncidentFacts incident={detail.incident} />
            </section>
            <section className="card" aria-labelledby="notes-heading">
              <h2 id="notes-heading">Notes</h2>
              {canRespond && <NoteForm incidentId={incidentId} onAdded={noteAdded} />}
              <NotesList notes={lists.notes.items} />
              <LoadOlder
                what="notes"
                shown={lists.notes.items.length}
                hasMore={lists.notes.nextCursor !== null}
                busy={loading.has('notes')}
                onLoad={() => void loadOlder('notes')}
              />
            </section>
            <section className="card wide" aria-labelledby="alerts-heading">
              <h2 id="alerts-heading">Alerts ({detail.incident.alertCount})</h2>
              <AlertsList alerts={lists.alerts.items} />
              <LoadOlder
                what="alerts"
                shown={lists.alerts.items.length}
                total={detail.alertEntryCount}
                hasMore={lists.alerts.nextCursor !== null}
                busy={loading.has('alerts')}
                onLoad={() => void loadOlder('alerts')}
              />
              <RawPayloads incidentId={incidentId} />
            </section>
            <section className="card wide" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">Timeline</h2>
              <p className="muted">Newest first; times in {timeZone ?? 'your time zone'}.</p>
              <Timeline entries={lists.timeline.items} />
              <LoadOlder
                what="events"
                shown={lists.timeline.items.length}
                total={detail.incident.version}
                hasMore={lists.timeline.nextCursor !== null}
                busy={loading.has('timeline')}
                onLoad={() => void loadOlder('timeline')}
              />
            </section>
          </div>
        </>
      )}
    </main>
  );
}
