import type { OnCallNowView } from '../api/types';
import { formatDateTime, formatRelative } from '../format/time';
import { useSession } from '../session-context';

/** One schedule: who is on call until when, who is next, and a button to email the one on call. */
export function OnCallCard({
  entry,
  emails,
}: {
  entry: OnCallNowView;
  emails: ReadonlyMap<string, string> | null;
}) {
  const { people, timeZone } = useSession();
  const name = (person: { userId: string; name: string | null }) =>
    person.name ?? people.get(person.userId) ?? 'Unknown person';
  const headingId = `schedule-${entry.scheduleId}`;
  return (
    <article className="card on-call-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{entry.scheduleName}</h2>
      <p className="muted">Schedule time zone: {entry.timeZone}</p>
      {entry.onCall ? (
        <p className="on-call-now">
          <span className="on-call-label">On call now</span>
          <strong>{name(entry.onCall)}</strong>
          {entry.onCall.source.kind === 'override' && <span className="badge">override</span>}
          <span>
            {entry.onCall.until
              ? `until ${formatDateTime(entry.onCall.until, timeZone)} (${formatRelative(entry.onCall.until)})`
              : 'with no end planned'}
          </span>
        </p>
      ) : (
        <p className="on-call-now gap" role="alert">
          <span className="on-call-label">Nobody is on call</span>
          <span>Pages to this schedule reach no one.</span>
        </p>
      )}
      {entry.onCall && emails?.get(entry.onCall.userId) && (
        <p className="on-call-contact">
          <a className="button-link" href={`mailto:${emails.get(entry.onCall.userId)}`}>
            Email {name(entry.onCall)}
          </a>
        </p>
      )}
      <p className="on-call-next">
        <span className="on-call-label">Next</span>
        {entry.next ? (
          <>
            <strong>{name(entry.next)}</strong>
            <span>from {formatDateTime(entry.next.start, timeZone)}</span>
          </>
        ) : (
          <span className="muted">nobody planned</span>
        )}
      </p>
      {entry.policies && entry.policies.length > 0 && (
        <p className="muted">
          Pages for:{' '}
          {entry.policies
            .map((policy) =>
              policy.services.length > 0
                ? `${policy.name} (${policy.services.map((service) => service.name).join(', ')})`
                : policy.name,
            )
            .join('; ')}
        </p>
      )}
    </article>
  );
}
