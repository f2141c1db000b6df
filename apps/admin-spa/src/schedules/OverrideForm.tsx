import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { canConfigure } from '../auth/permissions';
import { draftForm } from '../components/draft-form';
import { fieldMessage } from '../components/FieldProblem';
import { FormActions } from '../components/FormActions';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { browserTimeZone } from '../format/time';
import { useSession } from '../session-context';
import {
  instantOfInput,
  localInput,
  overrideCandidates,
  type OverrideView,
  type ScheduleView,
} from './schedule-draft';

interface Props {
  schedule: ScheduleView;
  /** The range selected in the calendar, if any. */
  proposal: { start: string; end: string } | null;
  onDone: () => void;
}

/**
 * Who covers a time range. A manager may name anyone; a technician is offered only themselves (the API
 * also lets them give their own shift away; the SPA keeps to the simple case).
 */
export function OverrideForm({ schedule, proposal, onDone }: Props) {
  const { api, me, role, people, timeZone: profileZone } = useSession();
  const zone = profileZone ?? browserTimeZone();
  const queryClient = useQueryClient();
  const id = useId();
  const candidates = overrideCandidates(canConfigure(role), me, people);
  const [open, setOpen] = useState(proposal !== null);
  const [draft, setDraft] = useState(() => ({
    userId: candidates.length === 1 ? candidates[0].id : '',
    start: proposal ? localInput(proposal.start, zone) : '',
    end: proposal ? localInput(proposal.end, zone) : '',
    reason: '',
  }));
  const set = (change: Partial<typeof draft>) => setDraft((current) => ({ ...current, ...change }));
  const [checked, setChecked] = useState(false);

  const local: Record<string, string> = {};
  const startAt = instantOfInput(draft.start, zone);
  const endAt = instantOfInput(draft.end, zone);
  if (!draft.userId) local.userId = 'Choose who covers.';
  if (!startAt) local.start = 'Choose when the override starts.';
  if (!endAt) local.end = 'Choose when it ends.';
  else if (startAt && endAt <= startAt) local.end = 'End after the start.';

  const save = useMutation<OverrideView, ApiProblem>({
    mutationFn: () =>
      withApiProblem(() =>
        api.client.post<OverrideView>(`/api/v1/schedules/${schedule.id}/overrides`, {
          userId: draft.userId,
          start: startAt,
          end: endAt,
          ...(draft.reason.trim() ? { reason: draft.reason.trim() } : {}),
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['schedule', schedule.id] });
      await queryClient.invalidateQueries({ queryKey: ['on-call'] });
      setOpen(false);
      onDone();
    },
  });
  const shown = checked ? local : {};
  const message = (field: string) => fieldMessage(field, shown, save.error);
  const form = draftForm(id, draft, set, message);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(local).length === 0) save.mutate();
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Add override
      </button>
    );
  }
  return (
    <form className="card editor override-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>New override</h3>
      <SelectField {...form.field('userId', 'userId')} label="Who covers">
        {candidates.length > 1 && <option value="">Choose a person…</option>}
        {candidates.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </SelectField>
      <div className="field-row">
        <TextField
          {...form.field('start', 'start')}
          label={`Override starts (${zone})`}
          type="datetime-local"
        />
        <TextField {...form.field('end', 'end')} label={`Override ends (${zone})`} type="datetime-local" />
      </div>
      <TextField {...form.field('reason')} label="Reason (optional)" maxLength={500} />
      <FormActions
        mutation={save}
        submit="Save override"
        pending="Saving…"
        onCancel={() => {
          setOpen(false);
          onDone();
        }}
      />
    </form>
  );
}
