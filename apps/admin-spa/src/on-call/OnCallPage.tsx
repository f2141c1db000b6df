import { useQuery } from '@tanstack/react-query';
import { forEachPage } from '../api/pages';
import { problemOf } from '../api/problem';
import { ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session-context';
import { OnCallCard } from './OnCallCard';

const REFRESH_MS = 60_000;

/** Every schedule with who is on call now and next; refreshed every minute. */
export function OnCallPage() {
  const { api, timeZone } = useSession();
  const query = useQuery({
    queryKey: ['on-call'],
    queryFn: async () => (await api.onCallNow()).items,
    refetchInterval: REFRESH_MS,
  });
  // Email addresses for the contact buttons; the cards show without them.
  const emails = useQuery({
    queryKey: ['emails', 'people'],
    queryFn: async () => {
      const found = new Map<string, string>();
      await forEachPage(api.people, (items) => items.forEach((person) => found.set(person.id, person.email)));
      return found as ReadonlyMap<string, string>;
    },
    staleTime: REFRESH_MS,
  });
  const entries = query.data ?? null;
  const problem = query.error ? problemOf(query.error) : null;

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
            <OnCallCard key={entry.scheduleId} entry={entry} emails={emails.data ?? null} />
          ))}
        </div>
      )}
    </main>
  );
}
