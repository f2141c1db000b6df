import { type FormEvent, useId, useState } from 'react';
import { fieldMessage } from '../components/FieldProblem';
import { RadioChoice } from '../components/RadioChoice';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { useSession } from '../session-context';
import { ActionSubmit } from './ActionSubmit';
import { type ActionProps, useIncidentAction } from './use-incident-action';
import type { ReassignTarget } from '../api/endpoints';

/** Whom an incident can be reassigned to. */
const REASSIGN_KINDS = [
  ['users', 'A person'],
  ['escalation-level', 'An escalation level'],
] as const;

export function ReassignForm(props: ActionProps) {
  const { api, people } = useSession();
  const { incident } = props;
  const id = useId();
  const [kind, setKind] = useState<ReassignTarget['kind']>('users');
  const [userId, setUserId] = useState('');
  const [level, setLevel] = useState('1');
  const [checked, setChecked] = useState(false);
  const { busy, problem, run } = useIncidentAction(props);
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
      <RadioChoice legend="Reassign to" choices={REASSIGN_KINDS} value={kind} onChange={setKind} />
      {kind === 'users' ? (
        <SelectField id={`${id}-person`} label="Person" value={userId} problem={message} onChange={setUserId}>
          <option value="">Choose…</option>
          {[...people].map(([personId, name]) => (
            <option key={personId} value={personId}>
              {name}
            </option>
          ))}
        </SelectField>
      ) : (
        <TextField
          id={`${id}-level`}
          label="Level"
          type="number"
          min={1}
          max={20}
          inputMode="numeric"
          value={level}
          problem={message}
          onChange={setLevel}
        />
      )}
      <ActionSubmit
        problem={problem}
        fieldProblem={message}
        busy={busy}
        label="Reassign"
        pending="Reassigning…"
      />
    </form>
  );
}
