import type { IncidentAction } from '../api/endpoints';
import type { ApiProblem } from '../api/problem';
import type { IncidentSummary } from '../api/types';
import { ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session-context';

interface Props {
  incident: IncidentSummary;
  busy: boolean;
  problem: ApiProblem | null;
  onAct: (incident: IncidentSummary, action: IncidentAction) => void;
  /** Id of the element naming the incident, for screen readers. */
  describedBy?: string;
}

/** Acknowledge / Resolve, for those allowed to respond, as the incident's status allows. */
export function IncidentActions({ incident, busy, problem, onAct, describedBy }: Props) {
  const { canRespond } = useSession();
  if (!canRespond) return null;
  return (
    <div className="actions">
      {incident.status === 'triggered' && (
        <button
          type="button"
          disabled={busy}
          aria-describedby={describedBy}
          onClick={() => onAct(incident, 'acknowledge')}
        >
          Acknowledge
        </button>
      )}
      {incident.status !== 'resolved' && (
        <button
          type="button"
          disabled={busy}
          aria-describedby={describedBy}
          onClick={() => onAct(incident, 'resolve')}
        >
          Resolve
        </button>
      )}
      <ProblemMessage problem={problem} inline />
    </div>
  );
}
