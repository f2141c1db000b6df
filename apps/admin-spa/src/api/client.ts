import { ApiProblem, toProblem } from './problem';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
}

/**
 * fetch with the bearer token; every error answer becomes an ApiProblem. A 401 also tells the app, which
 * forgets the token and shows the sign-in screen.
 */
export function createApiClient(token: string, onUnauthorized: (problem: ApiProblem) => void): ApiClient {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        authorization: `Bearer ${token}`,
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
    return parsed as T;
  }
  return {
    get: (path) => request('GET', path),
    post: (path, body = {}) => request('POST', path, body),
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
