import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { ReassignTarget } from '../api/endpoints';
import { type ApiProblem, problemOf } from '../api/problem';
import type { IncidentCommandResult, IncidentSummary } from '../api/types';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { ProblemMessage } from '../components/ProblemMessage';
import { useSession } from '../session-context';

interface Props {
  incident: IncidentSummary;
  /** The incident as an action answered it. */
  onUpdated: (incident: IncidentSummary) => void;
  /** Someone changed it first (409): reload. */
  onConflict: (incident: IncidentSummary) => void;
}

const SNOOZE_MINUTES: [number, string][] = [
  [15, '15 minutes'],
  [30, '30 minutes'],
  [60, '1 hour'],
  [240, '4 hours'],
  [480, '8 hours'],
  [1440, '1 day'],
];

/**
 * Snooze, reassign, escalate and merge, for those who may respond, as far as the incident's state allows
 * (the decider refuses the rest anyway: snooze needs an acknowledgement, escalation a level).
 */
export default function MoreActions({ incident, onUpdated, onConflict }: Props) {
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

/** One action's request: busy flag, the API's problem, and the answer handed on. */
function useAction({ incident, onUpdated, onConflict }: Props) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = async (send: () => Promise<IncidentCommandResult>) => {
    setBusy(true);
    setProblem(null);
    try {
      onUpdated((await send()).incident);
    } catch (error) {
      const found = problemOf(error);
      setProblem(found);
      if (found.status === 409) onConflict(incident);
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run };
}

function SnoozeForm(props: Props) {
  const { api } = useSession();
  const { incident } = props;
  const id = useId();
  const [minutes, setMinutes] = useState(60);
  const { busy, problem, run } = useAction(props);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.snooze(incident.incidentId, minutes, incident.version));
  };
  const message = fieldMessage('durationMinutes', {}, problem);
  return (
    <form className="action-form" onSubmit={submit} aria-label="Snooze">
      <div className="field">
        <label htmlFor={`${id}-minutes`}>Snooze for</label>
        <select
          id={`${id}-minutes`}
          value={minutes}
          aria-describedby={`${id}-problem`}
          onChange={(event) => setMinutes(Number(event.target.value))}
        >
          {SNOOZE_MINUTES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <FieldProblem id={`${id}-problem`} message={message} />
      </div>
      {problem && !message && <ProblemMessage problem={problem} inline />}
      <button type="submit" disabled={busy}>
        {busy ? 'Snoozing…' : 'Snooze'}
      </button>
    </form>
  );
}

function ReassignForm(props: Props) {
  const { api, people } = useSession();
  const { incident } = props;
  const id = useId();
  const [kind, setKind] = useState<ReassignTarget['kind']>('users');
  const [userId, setUserId] = useState('');
  const [level, setLevel] = useState('1');
  const [checked, setChecked] = useState(false);
  const { busy, problem, run } = useAction(props);
  const levelNumber = Number(level);
  const local: Record<string, string> = {};
  if (checked && kind === 'users' && !userId) local['to.userIds'] = 'Choose who takes it over.';
  if (
    checked &&
    kind === 'escalation-level' &&
    !(Number.isInteger(levelNumber) && levelNumber >= 1 && levelNumber <= 20)
  )
    local['to.level'] = 'A level from 1 to 20.';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const to: ReassignTarget | null =
      kind === 'users'
        ? userId
          ? { kind, userIds: [userId] }
          : null
        : Number.isInteger(levelNumber) && levelNumber >= 1 && levelNumber <= 20
          ? { kind, level: levelNumber }
          : null;
    if (to) void run(() => api.reassign(incident.incidentId, to, incident.version));
  };
  const field = kind === 'users' ? 'to.userIds' : 'to.level';
  const message = fieldMessage(field, local, problem);
  return (
    <form className="action-form" onSubmit={submit} noValidate aria-label="Reassign">
      <fieldset className="choice">
        <legend>Reassign to</legend>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'users'}
            onChange={() => setKind('users')}
          />
          A person
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            checked={kind === 'escalation-level'}
            onChange={() => setKind('escalation-level')}
          />
          An escalation level
        </label>
      </fieldset>
      <div className="field">
        {kind === 'users' ? (
          <>
            <label htmlFor={`${id}-person`}>Person</label>
            <select
              id={`${id}-person`}
              value={userId}
              aria-invalid={Boolean(message)}
              aria-describedby={`${id}-problem`}
              onChange={(event) => setUserId(event.target.value)}
            >
              <option value="">Choose…</option>
              {[...people].map(([personId, name]) => (
                <option key={personId} value={personId}>
                  {name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <>
            <label htmlFor={`${id}-level`}>Level</label>
            <input
              id={`${id}-level`}
              type="number"
              min={1}
              max={20}
              inputMode="numeric"
              value={level}
              aria-invalid={Boolean(message)}
              aria-describedby={`${id}-problem`}
              onChange={(event) => setLevel(event.target.value)}
            />
          </>
        )}
        <FieldProblem id={`${id}-problem`} message={message} />
      </div>
      {problem && !message && <ProblemMessage problem={problem} inline />}
      <button type="submit" disabled={busy}>
        {busy ? 'Reassigning…' : 'Reassign'}
      </button>
    </form>
  );
}

function EscalateForm(props: Props) {
  const { api } = useSession();
  const { incident } = props;
  const { busy, problem, run } = useAction(props);
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

function MergeForm(props: Props) {
  const { api } = useSession();
  const { incident } = props;
  const id = useId();
  const [sourceId, setSourceId] = useState('');
  const [checked, setChecked] = useState(false);
  const { busy, problem, run } = useAction(props);
  // The open incidents of the first page of each status: the ones worth merging are recent.
  const candidates = useQuery({
    queryKey: ['merge-candidates', incident.incidentId],
    queryFn: async () => {
      const pages = await Promise.all([
        api.incidents('triggered', null),
        api.incidents('acknowledged', null),
      ]);
      return pages.flatMap((page) => page.items).filter((item) => item.incidentId !== incident.incidentId);
    },
  });
  const local: Record<string, string> =
    checked && !sourceId ? { sourceIncidentIds: 'Choose the incident to merge into this one.' } : {};
  const message = fieldMessage('sourceIncidentIds', local, problem);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!sourceId) return;
    void run(async () => {
      const result = await api.merge(incident.incidentId, [sourceId]);
      setSourceId('');
      setChecked(false);
      await candidates.refetch();
      return result;
    });
  };
  return (
    <form className="action-form" onSubmit={submit} noValidate aria-label="Merge">
      <div className="field">
        <label htmlFor={`${id}-source`}>Merge into this one</label>
        <select
          id={`${id}-source`}
          value={sourceId}
          aria-invalid={Boolean(message)}
          aria-describedby={`${id}-problem`}
          onChange={(event) => setSourceId(event.target.value)}
        >
          <option value="">{candidates.isPending ? 'Loading…' : 'Choose an open incident…'}</option>
          {candidates.data?.map((candidate) => (
            <option key={candidate.incidentId} value={candidate.incidentId}>
              {candidate.title}
            </option>
          ))}
        </select>
        <FieldProblem id={`${id}-problem`} message={message} />
      </div>
      {candidates.data?.length === 0 && <p className="muted">No other open incident.</p>}
      {problem && !message && <ProblemMessage problem={problem} inline />}
      <button type="submit" disabled={busy}>
        {busy ? 'Merging…' : 'Merge'}
      </button>
    </form>
  );
}
