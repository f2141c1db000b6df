import { useId } from 'react';

interface Props<T extends string> {
  legend: string;
  /** Each choice's value and label, in the order shown. */
  choices: readonly (readonly [T, string])[];
  value: T;
  onChange: (value: T) => void;
}

/** One of a few kinds, as radio buttons under a legend (the form then shows the chosen kind's fields). */
export function RadioChoice<T extends string>({ legend, choices, value, onChange }: Props<T>) {
  const name = useId();
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      {choices.map(([choice, label]) => (
        <label key={choice}>
          <input type="radio" name={name} checked={value === choice} onChange={() => onChange(choice)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
