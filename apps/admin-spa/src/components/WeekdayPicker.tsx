import { DAY_NAMES } from '../format/labels';
import { FieldProblem } from './FieldProblem';

/** ISO weekdays (1 = Monday) as checkboxes, with the API's problem for them beneath. */
export function WeekdayPicker(props: {
  id: string;
  legend: string;
  days: readonly number[];
  problem: string | undefined;
  onChange(days: number[]): void;
}) {
  const { id, legend, days, problem, onChange } = props;
  return (
    <>
      <fieldset className="choice" aria-describedby={`${id}-days-problem`}>
        <legend>{legend}</legend>
        {DAY_NAMES.map((day, index) => (
          <label key={day}>
            <input
              type="checkbox"
              checked={days.includes(index + 1)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...days, index + 1] : days.filter((other) => other !== index + 1),
                )
              }
            />
            {day}
          </label>
        ))}
      </fieldset>
      <FieldProblem id={`${id}-days-problem`} message={problem} />
    </>
  );
}
