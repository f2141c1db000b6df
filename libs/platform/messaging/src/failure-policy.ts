import { isPermanentDataError } from '@oncall/platform-persistence';
import { UndecodableMessageError } from './message-codec';
import { isPermanentFailure, RpcUnavailableError } from './rpc-errors';

export type FailureVerdict = 'dead-letter' | 'retry' | 'wait-for-dependency';

/**
 * What to do with a message whose handling failed. A permanent failure is dead-lettered at once; a service
 * that did not answer is waited for as long as it takes (a rolling deploy must not lose an alert); anything
 * else is retried up to `maxAttempts`, then dead-lettered.
 */
export function verdictFor(error: unknown, attempt: number, maxAttempts: number): FailureVerdict {
  if (isNeverApplicable(error)) return 'dead-letter';
  if (error instanceof RpcUnavailableError) return 'wait-for-dependency';
  return attempt >= maxAttempts ? 'dead-letter' : 'retry';
}

/** The n-th delay of a list (the last one repeats), capped. */
export function retryDelay(delays: readonly number[], attempt: number, capMs: number): number {
  return Math.min(delays[Math.min(attempt - 1, delays.length - 1)] ?? 1_000, capMs);
}

/**
 * Handling this message fails the same way however often it is tried: the body cannot be read, a service
 * refused it with a typed answer, or PostgreSQL refused its data (here, or behind a request: DATA_REFUSED).
 */
export function isNeverApplicable(error: unknown): boolean {
  return error instanceof UndecodableMessageError || isPermanentFailure(error) || isPermanentDataError(error);
}
