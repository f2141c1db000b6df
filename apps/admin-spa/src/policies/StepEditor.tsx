import { useId } from 'react';
import type { RowEdit } from '../components/RowsEditor';
import { FieldProblem } from '../components/FieldProblem';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { LabelledOptions } from '../components/Options';
import { LIMITS, type StepDraft, type TargetType } from './policy-draft';
import { useTargets } from './use-targets';

interface Props extends RowEdit<StepDraft> {
  step: StepDraft;
  message: (field: string) => string | undefined;
}

const TYPE_LABELS: Record<TargetType, string> = { user: 'Person', schedule: 'Schedule', team: 'Team' };

/** One step: its targets (people, schedules, teams), how they are paged, the wait before the next step. */
export function StepEditor({ index, step, message, onChange, onRemove }: Props) {
  const { options, pagedNow } = useTargets();
  const id = useId();
  const n = index + 1;
  const targetsProblem = message(`steps.${index}.targets`);
  const delayProblem = message(`steps.${index}.delayMinutes`);
  const paged = step.targets.map(pagedNow).filter(Boolean);
  return (
    <li className="step" aria-label={`Step ${n}`}>
      <h3>Step {n}</h3>
      <fieldset>
        <legend>Targets of step {n}</legend>
        {step.targets.map((target, t) => (
          <div className="target-row" key={t}>
            <select
              aria-label={`Step ${n} target ${t + 1} type`}
              value={target.type}
              onChange={(event) =>
                onChange({
                  ...step,
                  targets: step.targets.map((x, i) =>
                    i === t ? { type: event.target.value as TargetType, id: '' } : x,
                  ),
                })
              }
            >
              <LabelledOptions labels={TYPE_LABELS} />
            </select>
            <select
              aria-label={`Step ${n} target ${t + 1}`}
              value={target.id}
              onChange={(event) =>
                onChange({
                  ...step,
                  targets: step.targets.map((x, i) => (i === t ? { ...x, id: event.target.value } : x)),
                })
              }
            >
              <option value="">Choose…</option>
              {options[target.type].map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              aria-label={`Remove step ${n} target ${t + 1}`}
              onClick={() => onChange({ ...step, targets: step.targets.filter((_, i) => i !== t) })}
            >
              Remove
            </button>
          </div>
        ))}
        {step.targets.length < LIMITS.maxTargetsPerStep && (
          <button
            type="button"
            onClick={() => onChange({ ...step, targets: [...step.targets, { type: 'schedule', id: '' }] })}
          >
            Add target to step {n}
          </button>
        )}
        <FieldProblem id={`${id}-targets`} message={targetsProblem} />
      </fieldset>
      <div className="field-row">
        <SelectField
          id={`${id}-strategy`}
          label={`How step ${n} pages`}
          value={step.strategy}
          onChange={(value) => onChange({ ...step, strategy: value as StepDraft['strategy'] })}
        >
          <option value="all">Every target at once</option>
          <option value="round-robin">One target per incident, in turn (round-robin)</option>
        </SelectField>
        <TextField
          id={`${id}-delay`}
          label={`Minutes before the next step (step ${n})`}
          type="number"
          min={1}
          max={LIMITS.maxDelayMinutes}
          value={step.delayMinutes}
          onChange={(value) => onChange({ ...step, delayMinutes: value })}
          problem={delayProblem}
        />
      </div>
      <p className="preview" aria-live="polite">
        <strong>Would page now:</strong>{' '}
        {paged.length === 0 ? (
          <span className="muted">nobody yet</span>
        ) : step.strategy === 'round-robin' ? (
          `one of ${paged.join(', ')}`
        ) : (
          paged.join(', ')
        )}
      </p>
      {onRemove && (
        <button type="button" onClick={onRemove}>
          Remove step {n}
        </button>
      )}
    </li>
  );
}
