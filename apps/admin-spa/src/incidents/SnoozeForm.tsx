import { type FormEvent, useId, useState } from 'react';
import { fieldMessage } from '../components/FieldProblem';
import { SelectField } from '../components/SelectField';
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
      <SelectField
        id={`${id}-minutes`}
        label="Snooze for"
        value={minutes}
        problem={message}
        onChange={(value) => setMinutes(Number(value))}
      >
        {SNOOZE_MINUTES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <ActionSubmit problem={problem} fieldProblem={message} busy={busy} label="Snooze" pending="Snoozing…" />
    </form>
  );
}
