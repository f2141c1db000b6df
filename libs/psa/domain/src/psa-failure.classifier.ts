import type { PsaFailure } from './psa.types';

/** What a failed call told: the PSA's status and message, or the error of a request that got no answer. */
export interface PsaCallFacts {
  readonly status?: number;
  readonly errorName?: string;
  readonly message?: string;
}

const TIMEOUT_ERRORS = ['TimeoutError', 'AbortError', 'ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT'];
const MESSAGE_MAX = 500;

/**
 * 408, 425, 429 and 5xx may pass later. 401 and 403 refuse our key, not the ticket: once the operator fixes
 * PSA_SERVICE_KEY the same request goes through, so they are retried too (and shown). Any other 4xx
 * refuses the request itself (an unknown company, board or priority): permanent, with the PSA's message.
 * Redirects are not followed, so a 3xx means a wrong PSA_API_URL: retried like an unreachable PSA.
 */
export function classifyPsaFailure({ status, errorName, message }: PsaCallFacts): PsaFailure {
  const said = message?.trim() ? truncate(message.trim()) : undefined;
  if (status === undefined) {
    const timedOut = errorName !== undefined && TIMEOUT_ERRORS.includes(errorName);
    return transient(
      null,
      said ?? (timedOut ? 'The PSA did not answer in time' : 'The PSA could not be reached'),
    );
  }
  if (status >= 200 && status < 300) throw new RangeError(`HTTP ${status} is a success, not a failure`);
  if (status === 401 || status === 403)
    return transient(status, said ?? `The PSA refused our key (HTTP ${status})`);
  if ([408, 425, 429].includes(status) || status >= 500 || status < 400)
    return transient(status, said ?? `The PSA answered HTTP ${status}`);
  return { kind: 'permanent', status, message: said ?? `The PSA refused the request (HTTP ${status})` };
}

function transient(status: number | null, message: string): PsaFailure {
  return { kind: 'transient', status, message };
}

function truncate(text: string): string {
  return text.length <= MESSAGE_MAX ? text : `${text.slice(0, MESSAGE_MAX - 1)}…`;
}
