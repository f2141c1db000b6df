import { ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session-context';
import { MergeForm } from './MergeForm';
import { ReassignForm } from './ReassignForm';
import { SnoozeForm } from './SnoozeForm';
import { type ActionProps, useIncidentAction } from './use-incident-action';

/**
 * Snooze, reassign, escalate and merge, for those who may respond, as far as the incident's state allows
 * (the decider refuses the rest anyway: snooze needs an acknowledgement, escalation a level).
 */
export default function MoreActions({ incident, onUpdated, onConflict }: ActionProps) {
  const { canRespond } = useSession();
  if (!canRespond || incident.status === 'resolved') return null;
  const props = { incident, onUpdated, onConflict };
  return (
    <section className="card more-actions" aria-labelledby="respond-heading">
      <h2 id="respond-heading">Respond</h2>
      <div className="action-forms">
        {incident.status === 'acknowledged' && <SnoozeForm {...props} />}
        <ReassignForm {...props} />
        {incident.escalationLevel !== null && <EscalateForm {...props} />}
        <MergeForm {...props} />
      </div>
    </section>
  );
}

function EscalateForm(props: ActionProps) {
  const { api } = useSession();
  const { incident } = props;
  const { busy, problem, run } = useIncidentAction(props);
  const from = incident.escalationLevel ?? 1;
  return (
    <div className="action-form">
      <p className="muted">Now at escalation level {from}.</p>
      <button
        type="button"
        disabled={busy}
        onClick={() => void run(() => api.escalate(incident.incidentId, from, incident.version))}
      >
        {busy ? 'Escalating…' : `Escalate to level ${from + 1}`}
      </button>
      <ProblemMessage problem={problem} inline />
    </div>
  );
}
