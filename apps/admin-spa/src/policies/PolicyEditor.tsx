import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { EditorCard } from '../components/EditorCard';
import { FormActions } from '../components/FormActions';
import { NameAndDescription } from '../components/NameAndDescription';
import { TextField } from '../components/TextField';
import { withItemAt } from '../components/with-item-at';
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
  const setStep = (index: number, step: PolicyDraft['steps'][number] | null) =>
    setDraft((current) => ({ ...current, steps: withItemAt(current.steps, index, step) }));

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
      <ol className="steps" aria-label="Steps">
        {draft.steps.map((step, index) => (
          <StepEditor
            key={index}
            index={index}
            step={step}
            message={message}
            onChange={(next) => setStep(index, next)}
            onRemove={draft.steps.length > 1 ? () => setStep(index, null) : undefined}
          />
        ))}
      </ol>
      <FieldProblem id={`${id}-steps-problem`} message={local.steps} />
      {draft.steps.length < LIMITS.maxSteps && (
        <button type="button" onClick={() => setDraft({ ...draft, steps: [...draft.steps, emptyStep()] })}>
          Add step
        </button>
      )}
      <FormActions mutation={save} submit="Save policy" pending="Saving…" onCancel={onDone} />
    </EditorCard>
  );
}
