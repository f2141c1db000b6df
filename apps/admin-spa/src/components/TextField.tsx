import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldProblem } from './FieldProblem';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>;

interface Props extends InputProps {
  id: string;
  /** The label's content (text, or text with a visually hidden part that tells like fields apart). */
  label: ReactNode;
  value: string | number;
  onChange: (value: string) => void;
  /**
   * Given (even undefined): a checked field, marked invalid and described by its problem shown beside it
   * while there is one. Left out: a field with nothing to check.
   */
  problem?: string;
}

/** A labelled text input in a form's column of fields, and its problem beside it. */
export function TextField(props: Props) {
  const { id, label, value, onChange, problem, ...input } = props;
  const checked = 'problem' in props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        {...input}
        {...(checked && { 'aria-invalid': Boolean(problem), 'aria-describedby': `${id}-problem` })}
        onChange={(event) => onChange(event.target.value)}
      />
      {checked && <FieldProblem id={`${id}-problem`} message={problem} />}
    </div>
  );
}
