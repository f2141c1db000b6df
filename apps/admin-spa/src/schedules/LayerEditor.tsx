import { useId } from 'react';
import type { RowEdit } from '../components/RowsEditor';
import { FieldProblem } from '../components/FieldProblem';
import { byName, Options } from '../components/Options';
import { SelectField } from '../components/SelectField';
import { TextField } from '../components/TextField';
import { withItemAt } from '../components/with-item-at';
import {
  emptyRestriction,
  type LayerDraft,
  type RestrictionDraft,
  type TurnKind,
  turnUnit,
  WEEKDAYS,
} from './schedule-draft';

interface Props extends RowEdit<LayerDraft> {
  layer: LayerDraft;
  people: { id: string; name: string }[];
  timeZone: string;
  message: (field: string) => string | undefined;
}

/** One layer: who takes turns in which order, how long a turn is, when the first handoff is, and when it covers. */
export function LayerEditor({ index, layer, people, timeZone, message, onChange, onRemove }: Props) {
  const id = useId();
  const n = index + 1;
  const at = `layers.${index}`;
  const setParticipants = (participants: string[]) => onChange({ ...layer, participants });
  const setRestriction = (r: number, restriction: RestrictionDraft | null) =>
    onChange({ ...layer, restrictions: withItemAt(layer.restrictions, r, restriction) });
  const move = (from: number, to: number) => {
    const next = [...layer.participants];
    [next[from], next[to]] = [next[to], next[from]];
    setParticipants(next);
  };

  return (
    <li className="step" aria-label={`Layer ${n}`}>
      <h3>Layer {n}</h3>
      <TextField
        id={`${id}-name`}
        label={`Layer ${n} name`}
        value={layer.name}
        maxLength={200}
        onChange={(value) => onChange({ ...layer, name: value })}
        problem={message(`${at}.name`)}
      />
      <fieldset>
        <legend>Who takes turns, in order</legend>
        <ol className="participants">
          {layer.participants.map((participant, p) => (
            <li key={p} className="target-row">
              <label htmlFor={`${id}-p${p}`} className="visually-hidden">
                Layer {n} participant {p + 1}
              </label>
              <select
                id={`${id}-p${p}`}
                value={participant}
                onChange={(event) =>
                  setParticipants(layer.participants.map((old, i) => (i === p ? event.target.value : old)))
                }
              >
                <Options blank="Choose a person…" items={people} option={byName} />
              </select>
              {p > 0 && (
                <button
                  type="button"
                  aria-label={`Move layer ${n} participant ${p + 1} up`}
                  onClick={() => move(p, p - 1)}
                >
                  ↑
                </button>
              )}
              <button
                type="button"
                aria-label={`Remove layer ${n} participant ${p + 1}`}
                onClick={() => setParticipants(layer.participants.filter((_, i) => i !== p))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => setParticipants([...layer.participants, ''])}>
          Add participant to layer {n}
        </button>
        <FieldProblem id={`${id}-participants-problem`} message={message(`${at}.participants`)} />
      </fieldset>
      <div className="field-row">
        <SelectField
          id={`${id}-turn`}
          label={`Layer ${n} turn`}
          value={layer.turn}
          onChange={(value) => onChange({ ...layer, turn: value as TurnKind })}
        >
          <option value="daily">Days</option>
          <option value="weekly">Weeks</option>
          <option value="hours">Hours</option>
        </SelectField>
        <div className="field">
          <label htmlFor={`${id}-length`}>
            Layer {n} turn length ({turnUnit(layer.turn)})
          </label>
          <input
            id={`${id}-length`}
            type="number"
            min={1}
            value={layer.turnLength}
            aria-invalid={Boolean(message(`${at}.rotation`))}
            aria-describedby={`${id}-length-problem`}
            onChange={(event) => onChange({ ...layer, turnLength: event.target.value })}
          />
          <FieldProblem id={`${id}-length-problem`} message={message(`${at}.rotation`)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-handoff`}>
            Layer {n} first handoff ({timeZone})
          </label>
          <input
            id={`${id}-handoff`}
            type="datetime-local"
            value={layer.handoff}
            aria-invalid={Boolean(message(`${at}.handoffAnchor`))}
            aria-describedby={`${id}-handoff-problem`}
            onChange={(event) => onChange({ ...layer, handoff: event.target.value.slice(0, 16) })}
          />
          <FieldProblem id={`${id}-handoff-problem`} message={message(`${at}.handoffAnchor`)} />
        </div>
      </div>
      <fieldset>
        <legend>When the layer covers (no restriction: around the clock)</legend>
        {layer.restrictions.map((restriction, r) => {
          const rn = r + 1;
          const field = `${at}.restrictions.${r}`;
          return (
            <div key={r} className="target-row restriction">
              <label>
                Layer {n} restriction {rn} repeats{' '}
                <select
                  value={restriction.kind}
                  onChange={(event) =>
                    setRestriction(r, { ...restriction, kind: event.target.value as 'daily' | 'weekly' })
                  }
                >
                  <option value="daily">every day</option>
                  <option value="weekly">every week</option>
                </select>
              </label>
              {restriction.kind === 'weekly' && (
                <label>
                  Layer {n} restriction {rn} day{' '}
                  <select
                    value={restriction.day}
                    onChange={(event) =>
                      setRestriction(r, { ...restriction, day: Number(event.target.value) })
                    }
                  >
                    {WEEKDAYS.map((day, d) => (
                      <option key={day} value={d + 1}>
                        {day}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              <label>
                Layer {n} restriction {rn} from{' '}
                <input
                  type="time"
                  value={restriction.startTime}
                  aria-invalid={Boolean(message(`${field}.startTime`))}
                  onChange={(event) => setRestriction(r, { ...restriction, startTime: event.target.value })}
                />
              </label>
              <label>
                Layer {n} restriction {rn} hours{' '}
                <input
                  type="number"
                  min={0.25}
                  step={0.25}
                  value={restriction.hours}
                  aria-invalid={Boolean(message(`${field}.durationMinutes`))}
                  onChange={(event) => setRestriction(r, { ...restriction, hours: event.target.value })}
                />
              </label>
              <button
                type="button"
                aria-label={`Remove layer ${n} restriction ${rn}`}
                onClick={() => setRestriction(r, null)}
              >
                Remove
              </button>
              <FieldProblem
                id={`${id}-r${r}-problem`}
                message={
                  message(`${field}.startTime`) ?? message(`${field}.durationMinutes`) ?? message(field)
                }
              />
            </div>
          );
        })}
        <button
          type="button"
          onClick={() => onChange({ ...layer, restrictions: [...layer.restrictions, emptyRestriction()] })}
        >
          Add restriction to layer {n}
        </button>
      </fieldset>
      {onRemove && (
        <button type="button" onClick={onRemove}>
          Remove layer {n}
        </button>
      )}
    </li>
  );
}
