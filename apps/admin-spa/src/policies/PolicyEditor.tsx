import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { fieldMessage } from '../components/FieldProblem';
import { EditorCard } from '../components/EditorCard';
import { FormActions } from '../components/FormActions';
import { NameAndDescription } from '../components/NameAndDescription';
import { RowsEditor } from '../components/RowsEditor';
import { TextField } from '../components/TextField';
import { useSession } from '../session-context';
import {
  bodyOf,
  draftOf,
  draftProblems,
  emptyStep,
  LIMITS,
  type PolicyDraft,
  type PolicyView,
} from './policy-draft';
import { StepEditor } from './StepEditor';

interface Props {
  policy: PolicyView | null;
  onDone: () => void;
}

/** Name, repeats and steps of one policy; checked before sending, the API's refusal shown beside the field. */
export function PolicyEditor({ policy, onDone }: Props) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(policy));
  const [checked, setChecked] = useState(false);
  const id = useId();
  const save = useMutation<unknown, ApiProblem>({
    mutationFn: () =>
      withApiProblem(async () => {
        return policy
          ? await api.client.put(`/api/v1/escalation-policies/${policy.id}`, bodyOf(draft, policy.version))
          : await api.client.post('/api/v1/escalation-policies', bodyOf(draft));
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['policies'] });
      onDone();
    },
  });
  const local = checked ? draftProblems(draft) : {};
  const message = (field: string) => fieldMessage(field, local, save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(draftProblems(draft)).length === 0) save.mutate();
  };

  return (
    <EditorCard id={id} title={policy ? `Edit ${policy.name}` : 'New escalation policy'} onSubmit={submit}>
      <NameAndDescription
        id={id}
        draft={draft}
        nameMax={LIMITS.nameMax}
        nameProblem={message('name')}
        onChange={(change) => setDraft({ ...draft, ...change })}
      />
      <TextField
        id={`${id}-repeat`}
        label="Repeat the whole policy (times)"
        type="number"
        min={0}
        max={LIMITS.maxRepeatCount}
        value={draft.repeatCount}
        problem={message('repeatCount')}
        onChange={(repeatCount) => setDraft({ ...draft, repeatCount })}
      />
      <RowsEditor
        label="Steps"
        rows={draft.steps}
        update={(change) => setDraft((current) => ({ ...current, steps: change(current.steps) }))}
        row={(step, edit) => <StepEditor {...edit} step={step} message={message} />}
        problemId={`${id}-steps-problem`}
        problem={local.steps}
        max={LIMITS.maxSteps}
        add="Add step"
        newRow={emptyStep}
      />
      <FormActions mutation={save} submit="Save policy" pending="Saving…" onCancel={onDone} />
    </EditorCard>
  );
}
