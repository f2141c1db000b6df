import type { InputHTMLAttributes } from 'react';
import { LabelledField, type LabelledFieldProps } from './LabelledField';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

interface Props extends InputProps, LabelledFieldProps {
  value: string | number;
  onChange: (value: string) => void;
}

/** A labelled text input in a form's column of fields, and its problem beside it. */
export function TextField(props: Props) {
  const { id, label, value, onChange, problem, ...input } = props;
  return (
    <LabelledField id={id} label={label} {...('problem' in props && { problem })}>
      {(checkedAria) => (
        <input
          id={id}
          value={value}
          {...input}
          {...checkedAria}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </LabelledField>
  );
}
