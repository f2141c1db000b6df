import { type FormEvent, useId, useState } from 'react';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { useSession } from '../session-context';
import { ActionSubmit } from './ActionSubmit';
import { type ActionProps, useIncidentAction } from './use-incident-action';

const SNOOZE_MINUTES: [number, string][] = [
  [15, '15 minutes'],
  [30, '30 minutes'],
  [60, '1 hour'],
  [240, '4 hours'],
  [480, '8 hours'],
  [1440, '1 day'],
];

export function SnoozeForm(props: ActionProps) {
  const { api } = useSession();
  const { incident } = props;
  const id = useId();
  const [minutes, setMinutes] = useState(60);
  const { busy, problem, run } = useIncidentAction(props);
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
      <ActionSubmit problem={problem} fieldProblem={message} busy={busy} label="Snooze" pending="Snoozing…" />
    </form>
  );
}
