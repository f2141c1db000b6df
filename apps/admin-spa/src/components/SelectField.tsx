import type { ReactNode } from 'react';
import { FieldProblem } from './FieldProblem';

interface Props {
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
  /** The select's options. */
  children: ReactNode;
}

/** A labelled select in a form's column of fields, and its problem beside it (`TextField`'s sibling). */
export function SelectField(props: Props) {
  const { id, label, value, onChange, problem, children } = props;
  const checked = 'problem' in props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        {...(checked && { 'aria-invalid': Boolean(problem), 'aria-describedby': `${id}-problem` })}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </select>
      {checked && <FieldProblem id={`${id}-problem`} message={problem} />}
    </div>
  );
}
