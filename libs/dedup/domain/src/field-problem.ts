/** A refused field of a rule or window, named the way the API names fields (`rules.2.when.severities`). */
export interface FieldProblem {
  field: string;
  message: string;
}

export type Problems = FieldProblem[];

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isName(value: unknown, maxLength = 255): value is string {
  return (
    typeof value === 'string' &&
    value.trim().length > 0 &&
    value.length <= maxLength &&
    !value.includes('\u0000')
  );
}

/** Records `message` for `field` unless `ok`; returns `ok`. */
export function check(problems: Problems, ok: boolean, field: string, message: string): boolean {
  if (!ok) problems.push({ field, message: `${field} ${message}` });
  return ok;
}
