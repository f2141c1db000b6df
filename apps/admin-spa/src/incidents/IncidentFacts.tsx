import type { IncidentSummary } from '../api/types';
import { formatDateTime } from '../format/time';
import { useSession } from '../session-context';
import { SeverityBadge } from './SeverityBadge';
import { TicketLine } from './TicketLine';

/** The summary of one incident, as a description list. */
export function IncidentFacts({ incident }: { incident: IncidentSummary }) {
  const { people, services, timeZone } = useSession();
  const person = (id: string | null) => (id ? (people.get(id) ?? 'someone') : null);
  const assigned = incident.assignedUserIds.map((id) => people.get(id) ?? 'someone').join(', ');
  return (
    <dl className="facts">
      <dt>Service</dt>
      <dd>{services.get(incident.serviceId) ?? 'Unknown service'}</dd>
      <dt>Severity</dt>
      <dd>
        <SeverityBadge severity={incident.severity} />{' '}
        <span className="muted">· {incident.urgency} urgency</span>
      </dd>
      <dt>Priority</dt>
      <dd>{incident.priority ?? '—'}</dd>
      <dt>Triggered</dt>
      <dd>{formatDateTime(incident.triggeredAt, timeZone)}</dd>
      <dt>Acknowledged</dt>
      <dd>
        {incident.acknowledgedAt
          ? `${formatDateTime(incident.acknowledgedAt, timeZone)} by ${person(incident.acknowledgedBy) ?? 'someone'}`
          : '—'}
      </dd>
      <dt>Resolved</dt>
      <dd>{formatDateTime(incident.resolvedAt, timeZone)}</dd>
      <dt>Assigned to</dt>
      <dd>{assigned || '—'}</dd>
      <dt>Escalation level</dt>
      <dd>{incident.escalationLevel ?? '—'}</dd>
      {incident.snoozedUntil && (
        <>
          <dt>Snoozed until</dt>
          <dd>{formatDateTime(incident.snoozedUntil, timeZone)}</dd>
        </>
      )}
      <dt>Ticket</dt>
      <dd>
        <TicketLine incident={incident} />
      </dd>
    </dl>
  );
}
