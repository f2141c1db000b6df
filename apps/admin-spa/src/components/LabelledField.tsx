import type { ReactNode } from 'react';
import { FieldProblem } from './FieldProblem';

/** What `TextField` and `SelectField` take besides their control's own props. */
export interface LabelledFieldProps {
  id: string;
  /** The label's content (text, or text with a visually hidden part that tells like fields apart). */
  label: ReactNode;
  /**
   * Given (even undefined): a checked field, marked invalid and described by its problem shown beside it
   * while there is one. Left out: a field with nothing to check.
   */
  problem?: string;
}

/**
 * A field in a form's column: its label, the control `children` renders with the attributes it is given
 * (the `aria-invalid`/`aria-describedby` pair of a checked field, else none), and the problem beside it.
 */
export function LabelledField(props: LabelledFieldProps & { children: (checkedAria: object) => ReactNode }) {
  const { id, label, problem, children } = props;
  const checked = 'problem' in props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(checked ? { 'aria-invalid': Boolean(problem), 'aria-describedby': `${id}-problem` } : {})}
      {checked && <FieldProblem id={`${id}-problem`} message={problem} />}
    </div>
  );
}
