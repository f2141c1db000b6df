import type { IncidentAction } from '../api/endpoints';
import type { ApiProblem } from '../api/problem';
import type { IncidentSummary } from '../api/types';
import { Link } from 'react-router';
import { formatDateTime, formatRelative } from '../format/time';
import { incidentPath } from '../paths';
import { useSession } from '../session-context';
import { IncidentActions } from './IncidentActions';
import { SeverityBadge } from './SeverityBadge';
import { StatusBadge } from './StatusBadge';

interface Props {
  incident: IncidentSummary;
  busy: boolean;
  problem: ApiProblem | null;
  onAct: (incident: IncidentSummary, action: IncidentAction) => void;
}

export function IncidentRow({ incident, busy, problem, onAct }: Props) {
  const { people, services, timeZone } = useSession();
  const titleId = `incident-${incident.incidentId}-title`;
  const acknowledgedBy = incident.acknowledgedBy ? (people.get(incident.acknowledgedBy) ?? 'someone') : null;
  return (
    <tr data-incident-id={incident.incidentId} data-status={incident.status}>
      <td>
        <StatusBadge status={incident.status} />
      </td>
      <td className="incident-title">
        <Link to={incidentPath(incident.incidentId)}>
          <span id={titleId}>{incident.title}</span>
        </Link>
        <span className="muted">{services.get(incident.serviceId) ?? 'Unknown service'}</span>
      </td>
      <td>
        <SeverityBadge severity={incident.severity} />
      </td>
      <td className="numeric">{incident.alertCount}</td>
      <td>
        <time dateTime={incident.triggeredAt} title={formatDateTime(incident.triggeredAt, timeZone)}>
          {formatRelative(incident.triggeredAt)}
        </time>
      </td>
      <td>{acknowledgedBy ?? <span className="muted">—</span>}</td>
      <td>
        <IncidentActions
          incident={incident}
          busy={busy}
          problem={problem}
          onAct={onAct}
          describedBy={titleId}
        />
      </td>
    </tr>
  );
}
