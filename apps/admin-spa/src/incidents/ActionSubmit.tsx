import type { ApiProblem } from '../api/problem';
import { ProblemMessage } from '../components/ProblemMessage';

interface Props {
  /** The action's problem, shown here unless its field shows it (`fieldProblem`). */
  problem: ApiProblem | null;
  fieldProblem: string | undefined;
  busy: boolean;
  /** The button's words, and its words while the action runs (e.g. "Snooze", "Snoozing…"). */
  label: string;
  pending: string;
}

/** The end of an incident action's form (snooze, reassign, merge): its problem, then its button. */
export function ActionSubmit({ problem, fieldProblem, busy, label, pending }: Props) {
  return (
    <>
      {problem && !fieldProblem && <ProblemMessage problem={problem} inline />}
      <button type="submit" disabled={busy}>
        {busy ? pending : label}
      </button>
    </>
  );
}
