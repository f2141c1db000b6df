import type { ReactNode } from 'react';
import { LabelledField, type LabelledFieldProps } from './LabelledField';

interface Props extends LabelledFieldProps {
  value: string | number;
  onChange: (value: string) => void;
  /** The select's options. */
  children: ReactNode;
}

/** A labelled select in a form's column of fields, and its problem beside it (`TextField`'s sibling). */
export function SelectField(props: Props) {
  const { id, label, value, onChange, problem, children } = props;
  return (
    <LabelledField id={id} label={label} {...('problem' in props && { problem })}>
      {(checkedAria) => (
        <select id={id} value={value} {...checkedAria} onChange={(event) => onChange(event.target.value)}>
          {children}
        </select>
      )}
    </LabelledField>
  );
}
