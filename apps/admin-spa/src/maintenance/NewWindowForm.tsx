import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, problemOf } from '../api/problem';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { EditorCard } from '../components/EditorCard';
import { WeekdayPicker } from '../components/WeekdayPicker';
import { ProblemMessage } from '../components/ProblemMessage';
import { RadioChoice } from '../components/RadioChoice';
import { TextField } from '../components/TextField';
import { useOrgDirectory } from '../routing/use-org-directory';
import { useSession } from '../session-context';
import { localToInstant, type WindowBody, type WindowDraft, windowBodyOf } from './window-draft';

/** datetime-local is read on the browser's clock, whatever the profile's zone. */
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Whether a maintenance window happens once or every week. */
const WINDOW_KINDS = [
  ['one-off', 'Once'],
  ['weekly', 'Every week'],
] as const;

/** A new maintenance window of a service or a client: once, or every week. */
export function NewWindow() {
  const { api, timeZone } = useSession();
  const queryClient = useQueryClient();
  const directory = useOrgDirectory();
  const id = useId();
  const empty: WindowDraft = {
    name: '',
    scope: '',
    kind: 'one-off',
    startsAt: '',
    endsAt: '',
    timeZone: timeZone ?? 'UTC',
    days: [],
    start: '22:00',
    end: '02:00',
  };
  const [draft, setDraft] = useState<WindowDraft>(empty);
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (change: Partial<WindowDraft>) => setDraft((current) => ({ ...current, ...change }));
  const create = useMutation<unknown, ApiProblem, WindowBody>({
    mutationFn: async (body) => {
      try {
        return await api.client.post('/api/v1/maintenance-windows', body);
      } catch (error) {
        throw problemOf(error);
      }
    },
    onSuccess: async () => {
      setDraft(empty);
      await queryClient.invalidateQueries({ queryKey: ['maintenance-windows'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = windowBodyOf(draft, localToInstant);
    if ('problems' in result) return setLocal(result.problems);
    setLocal({});
    create.mutate(result.body);
  };
  const message = (field: string) => fieldMessage(field, local, create.error);
  const input = (field: keyof WindowDraft, apiField: string, label: string, type = 'text') => (
    <TextField
      id={`${id}-${field}`}
      label={label}
      type={type}
      value={draft[field] as string}
      problem={message(apiField)}
      onChange={(value) => set({ [field]: value })}
    />
  );
  return (
    <EditorCard id={id} title="New maintenance window" onSubmit={submit}>
      {input('name', 'name', 'Window name')}
      <div className="field">
        <label htmlFor={`${id}-scope`}>Covers</label>
        <select
          id={`${id}-scope`}
          value={draft.scope}
          aria-invalid={Boolean(message('window.scope'))}
          aria-describedby={`${id}-scope-problem`}
          onChange={(event) => set({ scope: event.target.value })}
        >
          <option value="">Choose…</option>
          <optgroup label="Services">
            {directory.services.data?.map((service) => (
              <option key={service.id} value={`service:${service.id}`}>
                {service.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Clients">
            {directory.clients.data?.map((client) => (
              <option key={client.id} value={`client:${client.id}`}>
                {client.name}
              </option>
            ))}
          </optgroup>
        </select>
        <FieldProblem id={`${id}-scope-problem`} message={message('window.scope')} />
      </div>
      <RadioChoice
        legend="Repeats"
        choices={WINDOW_KINDS}
        value={draft.kind}
        onChange={(kind) => set({ kind })}
      />
      {draft.kind === 'one-off' ? (
        <div className="field-row">
          {input('startsAt', 'window.startsAt', `Starts (${BROWSER_ZONE})`, 'datetime-local')}
          {input('endsAt', 'window.endsAt', 'Ends', 'datetime-local')}
        </div>
      ) : (
        <>
          <WeekdayPicker
            id={id}
            legend="Starting on"
            days={draft.days}
            problem={message('window.days')}
            onChange={(days) => set({ days })}
          />
          <div className="field-row">
            {input('start', 'window.start', 'From (HH:mm)')}
            {input('end', 'window.end', 'To (HH:mm)')}
            {input('timeZone', 'window.timeZone', 'Time zone')}
          </div>
        </>
      )}
      {create.error && create.error.errors.length === 0 && <ProblemMessage problem={create.error} inline />}
      <button type="submit" className="primary" disabled={create.isPending}>
        {create.isPending ? 'Adding…' : 'Add window'}
      </button>
    </EditorCard>
  );
}
