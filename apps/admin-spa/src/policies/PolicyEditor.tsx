import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, problemOf } from '../api/problem';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { ProblemMessage } from '../components/ProblemMessage';
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
    mutationFn: async () => {
      try {
        return policy
          ? await api.client.put(`/api/v1/escalation-policies/${policy.id}`, bodyOf(draft, policy.version))
          : await api.client.post('/api/v1/escalation-policies', bodyOf(draft));
      } catch (error) {
        throw problemOf(error);
      }
    },
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
    setDraft((current) => ({
      ...current,
      steps:
        step === null
          ? current.steps.filter((_, i) => i !== index)
          : current.steps.map((s, i) => (i === index ? step : s)),
    }));

  return (
    <form className="card editor" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{policy ? `Edit ${policy.name}` : 'New escalation policy'}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={draft.name}
          maxLength={LIMITS.nameMax}
          aria-invalid={Boolean(message('name'))}
          aria-describedby={`${id}-name-problem`}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
        <FieldProblem id={`${id}-name-problem`} message={message('name')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <input
          id={`${id}-description`}
          value={draft.description}
          onChange={(event) => setDraft({ ...draft, description: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>Repeat the whole policy (times)</label>
        <input
          id={`${id}-repeat`}
          type="number"
          min={0}
          max={LIMITS.maxRepeatCount}
          value={draft.repeatCount}
          aria-invalid={Boolean(message('repeatCount'))}
          aria-describedby={`${id}-repeat-problem`}
          onChange={(event) => setDraft({ ...draft, repeatCount: event.target.value })}
        />
        <FieldProblem id={`${id}-repeat-problem`} message={message('repeatCount')} />
      </div>
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
      {save.error && save.error.errors.length === 0 && <ProblemMessage problem={save.error} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save policy'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
