import type { ApiProblem } from '../api/problem';

/**
 * The message for one field, beside it: the check made before sending, else the API's problem for that
 * field (its `errors[].field`, or a field path that starts with it).
 */
export function fieldMessage(
  field: string,
  local: Record<string, string>,
  problem: ApiProblem | null,
): string | undefined {
  if (local[field]) return local[field];
  const error = problem?.errors.find(
    (candidate) => candidate.field === field || candidate.field.startsWith(`${field}.`),
  );
  return error?.message;
}

export function FieldProblem({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="problem problem-inline field-problem" role="alert">
      {message}
    </p>
  );
}
