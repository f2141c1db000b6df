import { useCallback, useEffect, useState } from 'react';
import { type ApiProblem, problemOf } from '../api/problem';
import type { OnCallNow } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session-context';
import { OnCallCard } from './OnCallCard';

const REFRESH_MS = 60_000;

/** Every schedule with who is on call now and next; refreshed every minute. */
export function OnCallPage() {
  const { api, timeZone } = useSession();
  const [entries, setEntries] = useState<OnCallNow[] | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const load = useCallback(async () => {
    try {
      setEntries((await api.onCallNow()).items);
      setProblem(null);
    } catch (error) {
      setProblem(problemOf(error));
    }
  }, [api]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  return (
    <main className="page">
      <div className="page-head">
        <h1>On call now</h1>
        <span className="muted">Times in {timeZone ?? 'your time zone'}</span>
      </div>
      <ProblemMessage problem={problem} />
      {!entries && !problem && <p className="empty">Loading…</p>}
      {entries && entries.length === 0 && <p className="empty card">No schedules yet.</p>}
      {entries && entries.length > 0 && (
        <div className="cards">
          {entries.map((entry) => (
            <OnCallCard key={entry.scheduleId} entry={entry} />
          ))}
        </div>
      )}
    </main>
  );
}
