import { ApiProblem, toProblem } from './problem';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete<T>(path: string): Promise<T>;
}

/**
 * fetch with the bearer token the session holds now (it may have been renewed since the client was made);
 * every error answer becomes an ApiProblem. A 401 also tells the app, which signs out.
 */
export function createApiClient(
  accessToken: () => string,
  onUnauthorized: (problem: ApiProblem) => void,
): ApiClient {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json, application/problem+json, text/csv;q=0.5',
        authorization: `Bearer ${accessToken()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) {
      const problem = toProblem(response.status, response.statusText, parsed ?? text);
      if (response.status === 401) onUnauthorized(problem);
      throw problem;
    }
    // JSON answers parsed; others (CSV reports) as their text.
    const json = (response.headers.get('content-type') ?? 'application/json').includes('json');
    return (json ? parsed : text) as T;
  }
  return {
    get: (path) => request('GET', path),
    post: (path, body = {}) => request('POST', path, body),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export { ApiProblem };
