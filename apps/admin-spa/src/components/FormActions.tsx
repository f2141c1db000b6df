import type { ReactNode } from 'react';
import type { ApiProblem } from '../api/problem';
import { ProblemMessage } from './ProblemMessage';

interface Props {
  /** The form's mutation: its problem is shown above the buttons, and the submit button waits for it. */
  mutation: { isPending: boolean; error: ApiProblem | null };
  /** The submit button's words, and its words while the mutation runs (e.g. "Save policy", "Saving…"). */
  submit: string;
  pending: string;
  /** Given: a Cancel button that calls it. */
  onCancel?: () => void;
  /** The problem on one short line (see ProblemMessage). */
  inlineProblem?: boolean;
  /** Shown after the submit button, e.g. a "Saved." status. */
  children?: ReactNode;
}

/**
 * The end of an editing form: the mutation's problem when no field is at fault (fields show theirs beside
 * them), then the submit button and Cancel.
 */
export function FormActions({ mutation, submit, pending, onCancel, inlineProblem, children }: Props) {
  return (
    <>
      {mutation.error && mutation.error.errors.length === 0 && (
        <ProblemMessage problem={mutation.error} inline={inlineProblem} />
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={mutation.isPending}>
          {mutation.isPending ? pending : submit}
        </button>
        {children}
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
