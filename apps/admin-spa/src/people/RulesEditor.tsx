import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type ApiProblem, withApiProblem } from '../api/problem';
import { FieldProblem, fieldMessage } from '../components/FieldProblem';
import { FormActions } from '../components/FormActions';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { withItemAt } from '../components/with-item-at';
import { useSession } from '../session-context';
import {
  checkRulesDraft,
  CONTACT_TYPE_LABELS,
  RULE_LIMITS,
  rulesDraftOf,
  type RulesBody,
  type RulesDraft,
  type RuleStepDraft,
  URGENCIES,
  type Urgency,
} from './people-drafts';
import { type ContactMethodView, type NotificationRulesView, peopleApi, settingsKey } from './people-api';

interface Props {
  userId: string;
  methods: ContactMethodView[];
  rules: NotificationRulesView;
}

const URGENCY_LABELS: Record<Urgency, string> = { high: 'High urgency', low: 'Low urgency' };

/** How the person is told of a page, per urgency: which contact method, how many minutes after. */
export function RulesEditor({ userId, methods, rules }: Props) {
  const { api } = useSession();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<RulesDraft>(() => rulesDraftOf(rules));
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation<NotificationRulesView, ApiProblem, RulesBody>({
    mutationFn: (toSend) => withApiProblem(() => peopleApi(api.client).replaceRules(userId, toSend)),
    onSuccess: async (saved) => {
      // As stored (notification orders each urgency's steps by delay).
      setDraft(rulesDraftOf(saved));
      await queryClient.invalidateQueries({ queryKey: settingsKey(userId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRulesDraft(draft);
    setLocal(checked.ok ? {} : checked.problems);
    if (checked.ok) save.mutate(checked.rules);
  };
  // A step's fields take their own messages and those under them; an urgency only its own.
  const message = (field: string) =>
    URGENCIES.includes(field as Urgency)
      ? (local[field] ?? save.error?.errors.find((error) => error.field === field)?.message)
      : fieldMessage(field, local, save.error);
  const change = (urgency: Urgency, steps: RuleStepDraft[]) => {
    setDraft({ ...draft, [urgency]: steps });
    save.reset();
  };

  return (
    <form className="card editor" onSubmit={submit} noValidate aria-labelledby="rules-title">
      <h2 id="rules-title">Notification rules</h2>
      <p className="muted">
        When you are paged, each step notifies you that many minutes later, until the incident is
        acknowledged.
      </p>
      {URGENCIES.map((urgency) => (
        <UrgencySteps
          key={urgency}
          urgency={urgency}
          steps={draft[urgency]}
          methods={methods}
          message={message}
          onChange={(steps) => change(urgency, steps)}
        />
      ))}
      <FormActions mutation={save} submit="Save rules" pending="Saving…">
        {save.isSuccess && (
          <span role="status" className="muted">
            Saved.
          </span>
        )}
      </FormActions>
    </form>
  );
}

interface StepsProps {
  urgency: Urgency;
  steps: RuleStepDraft[];
  methods: ContactMethodView[];
  message: (field: string) => string | undefined;
  onChange: (steps: RuleStepDraft[]) => void;
}

function UrgencySteps({ urgency, steps, methods, message, onChange }: StepsProps) {
  const id = useId();
  const label = URGENCY_LABELS[urgency];
  const update = (index: number, step: RuleStepDraft) => onChange(withItemAt(steps, index, step));
  return (
    <fieldset className="rule-steps" aria-describedby={`${id}-problem`}>
      <legend>{label}</legend>
      <ol className="steps">
        {steps.map((step, index) => {
          const n = index + 1;
          /** Tells this step's fields from the other steps' to a screen reader. */
          const which = (
            <span className="visually-hidden">
              {' '}
              ({label.toLowerCase()} step {n})
            </span>
          );
          return (
            <li key={index} className="step rule-step" aria-label={`${label} step ${n}`}>
              <SelectField
                id={`${id}-${index}-method`}
                label={<>Contact method{which}</>}
                value={step.contactMethodId}
                problem={message(`${urgency}.${index}.contactMethodId`)}
                onChange={(contactMethodId) => update(index, { ...step, contactMethodId })}
              >
                <option value="">Choose…</option>
                {methods.map((method) => (
                  <option key={method.id} value={method.id}>
                    {CONTACT_TYPE_LABELS[method.type]}: {method.address}
                    {method.enabled ? '' : ' (disabled)'}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={`${id}-${index}-delay`}
                label={<>Minutes after the page{which}</>}
                type="number"
                min={0}
                max={RULE_LIMITS.maxDelayMinutes}
                value={step.delayMinutes}
                problem={message(`${urgency}.${index}.delayMinutes`)}
                onChange={(delayMinutes) => update(index, { ...step, delayMinutes })}
              />
              <button
                type="button"
                aria-label={`Remove ${label.toLowerCase()} step ${n}`}
                onClick={() => onChange(withItemAt(steps, index, null))}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      {steps.length < RULE_LIMITS.maxStepsPerUrgency && (
        <button
          type="button"
          onClick={() =>
            onChange([...steps, { contactMethodId: '', delayMinutes: String(nextDelay(steps)) }])
          }
        >
          Add {label.toLowerCase()} step
        </button>
      )}
      <FieldProblem id={`${id}-problem`} message={message(urgency)} />
    </fieldset>
  );
}

/** A new step suggests 5 minutes after the last one: a second nudge, not a second copy. */
function nextDelay(steps: RuleStepDraft[]): number {
  const last = Math.max(-5, ...steps.map((step) => Number(step.delayMinutes) || 0));
  return Math.min(RULE_LIMITS.maxDelayMinutes, last + 5);
}
