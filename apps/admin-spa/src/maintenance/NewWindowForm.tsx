import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { draftForm, type TextKey } from '../components/draft-form';
import { fieldMessage } from '../components/FieldProblem';
import { EditorCard } from '../components/EditorCard';
import { SelectField } from '../components/SelectField';
import { WeeklyHours } from '../components/WeeklyHours';
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
    mutationFn: (body) => withApiProblem(() => api.client.post('/api/v1/maintenance-windows', body)),
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
  const form = draftForm(id, draft, set, message);
  const input = (key: TextKey<WindowDraft>, apiField: string, label: string, type = 'text') => (
    <TextField {...form.field(key, apiField)} label={label} type={type} />
  );
  return (
    <EditorCard id={id} title="New maintenance window" onSubmit={submit}>
      {input('name', 'name', 'Window name')}
      <SelectField {...form.field('scope', 'window.scope')} label="Covers">
        <option value="">Choose…</option>
        <ScopeGroup label="Services" kind="service" items={directory.services.data} />
        <ScopeGroup label="Clients" kind="client" items={directory.clients.data} />
      </SelectField>
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
        <WeeklyHours form={form} problemPath="window" legend="Starting on" />
      )}
      {create.error && create.error.errors.length === 0 && <ProblemMessage problem={create.error} inline />}
      <button type="submit" className="primary" disabled={create.isPending}>
        {create.isPending ? 'Adding…' : 'Add window'}
      </button>
    </EditorCard>
  );
}

/** The scopes of one kind a window can cover, as `kind:id` options shown by name. */
function ScopeGroup(props: {
  label: string;
  kind: 'service' | 'client';
  items: readonly { id: string; name: string }[] | undefined;
}) {
  return (
    <optgroup label={props.label}>
      {props.items?.map((item) => (
        <option key={item.id} value={`${props.kind}:${item.id}`}>
          {item.name}
        </option>
      ))}
    </optgroup>
  );
}
