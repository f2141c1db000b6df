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

/** The responses offered in a list, in this order, while the incident's status allows them. */
const RESPONSES = [
  {
    action: 'acknowledge',
    label: 'Acknowledge',
    offered: (status: IncidentSummary['status']) => status === 'triggered',
  },
  {
    action: 'resolve',
    label: 'Resolve',
    offered: (status: IncidentSummary['status']) => status !== 'resolved',
  },
] as const;

/** Acknowledge / Resolve, for those allowed to respond, as the incident's status allows. */
export function IncidentActions({ incident, busy, problem, onAct, describedBy }: Props) {
  const { canRespond } = useSession();
  if (!canRespond) return null;
  return (
    <div className="actions">
      {RESPONSES.filter(({ offered }) => offered(incident.status)).map(({ action, label }) => (
        <button
          key={action}
          type="button"
          disabled={busy}
          aria-describedby={describedBy}
          onClick={() => onAct(incident, action)}
        >
          {label}
        </button>
      ))}
      <ProblemMessage problem={problem} inline />
    </div>
  );
}
