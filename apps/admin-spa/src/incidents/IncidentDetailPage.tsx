import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiProblem, problemOf } from '../api/problem';
import type { IncidentDetail, IncidentSummary } from '../api/types';
import { Link } from '../components/Link';
import { LiveIndicator } from '../components/LiveIndicator';
import { ProblemMessage } from '../components/ProblemMessage';
import { MAX_RETRIES, RELOAD_DELAY_MS } from '../live/freshness';
import { useIncidentLive } from '../live/use-incident-live';
import { createRequestSequence } from '../request-sequence';
import { useSession } from '../session-context';
import { useDebounced } from '../use-debounced';
import { AlertsList } from './AlertsList';
import { IncidentActions } from './IncidentActions';
import { IncidentFacts } from './IncidentFacts';
import { LoadOlder } from './LoadOlder';
import { NoteForm } from './NoteForm';
import { NotesList } from './NotesList';
import { StatusBadge } from './StatusBadge';
import { Timeline } from './Timeline';
import { useIncidentActions } from './use-incident-actions';
import { useIncidentLists } from './use-incident-lists';

/**
 * One incident: summary, alerts, notes (and a form to add one), timeline; reloaded when it changes. The
 * lists come a page at a time, newest first, however large the incident.
 */
export function IncidentDetailPage({ incidentId }: { incidentId: string }) {
  const { api, canRespond, timeZone } = useSession();
  const [detail, setDetail] = useState<IncidentDetail | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const { lists, showDetail, loadOlder, loading, problem: listProblem } = useIncidentLists(incidentId);

  /** The newest version known to exist (announced, or answered to an action): older reads are stale. */
  const wanted = useRef(0);
  const retries = useRef(0);
  const shown = useRef(false);
  const requests = useRef(createRequestSequence());
  const reloadSoon = useDebounced(() => void load(), RELOAD_DELAY_MS);
  const expectVersion = useCallback((version: number | null) => {
    if (version === null || version <= wanted.current) return;
    wanted.current = version;
    retries.current = 0;
  }, []);

  const load = useCallback(async () => {
    const isNewest = requests.current.begin();
    try {
      const found = await api.incident(incidentId);
      // A reload that started later answered already (or will): this older answer must not replace it.
      if (!isNewest()) return;
      setProblem(null);
      const show = () => {
        shown.current = true;
        setDetail(found);
        showDetail(found);
      };
      if (found.incident.version < wanted.current) {
        // The read model has not caught up yet: keep what is shown (if anything) and ask again shortly.
        if (!shown.current) show();
        if (retries.current++ < MAX_RETRIES) reloadSoon();
        return;
      }
      show();
    } catch (error) {
      if (isNewest()) setProblem(problemOf(error));
    }
  }, [api, incidentId, reloadSoon, showDetail]);

  useEffect(() => {
    void load();
  }, [load]);

  const live = useIncidentLive(
    api,
    (change) => {
      if (change.incidentId !== incidentId) return;
      expectVersion(change.version);
      reloadSoon();
    },
    reloadSoon,
  );
  const updated = useCallback(
    (incident: IncidentSummary) => {
      expectVersion(incident.version);
      setDetail((current) => current && { ...current, incident });
      reloadSoon();
    },
    [expectVersion, reloadSoon],
  );
  const noteAdded = (version: number) => {
    expectVersion(version);
    void load();
  };
  const conflicted = (incident: IncidentSummary) => {
    expectVersion(incident.version + 1);
    reloadSoon();
  };
  const { act, busy, problems } = useIncidentActions(updated, conflicted);

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
          {detail.mergedInto && (
            <p className="notice">
              Merged into <Link to={`/incidents/${detail.mergedInto}`}>another incident</Link>.
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
