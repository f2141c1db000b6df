import type { ApiProblem } from '../api/problem';

interface Props {
  problem: ApiProblem | null;
  /** Inline: one short line beside the control that failed. */
  inline?: boolean;
}

/** An API problem, shown with its `detail` (and the fields at fault for a 400). */
export function ProblemMessage({ problem, inline }: Props) {
  if (!problem) return null;
  if (inline) {
    return (
      <p className="problem problem-inline" role="alert">
        {problem.detail}
      </p>
    );
  }
  return (
    <div className="problem" role="alert">
      <strong>{problem.title}</strong>
      {problem.detail !== problem.title && <p>{problem.detail}</p>}
      {problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((error) => (
            <li key={error.field}>
              <code>{error.field}</code>: {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
