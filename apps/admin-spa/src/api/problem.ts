/** An RFC 7807 problem answered by the API (or made up here when the answer was not one). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly code?: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

/** Turns an error answer into an ApiProblem, whether or not its body is problem+json. */
export function toProblem(status: number, statusText: string, body: unknown): ApiProblem {
  if (isRecord(body)) {
    const title = typeof body.title === 'string' ? body.title : statusText || 'Error';
    const detail = typeof body.detail === 'string' && body.detail ? body.detail : title;
    const code = typeof body.code === 'string' ? body.code : undefined;
    const errors = Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [];
    return new ApiProblem(status, title, detail, code, errors);
  }
  const text = typeof body === 'string' && body.trim() ? body.trim().slice(0, 200) : '';
  return new ApiProblem(status, statusText || 'Error', text || `The server answered ${status}.`);
}

/** What to show for anything thrown while talking to the API. */
export function problemOf(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiProblem(0, 'Network error', `The API could not be reached (${message}).`);
}

/**
 * A call to the API (a mutation's `mutationFn`), its failure thrown as the problem to show: the API's own
 * problem, or a network error (`problemOf`).
 */
export async function withApiProblem<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw problemOf(error);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldError(value: unknown): value is { field: string; message: string } {
  return isRecord(value) && typeof value.field === 'string' && typeof value.message === 'string';
}
