import type { NotificationProblem } from '@oncall/notification-domain';
import { RpcError } from '@oncall/platform-messaging';

/**
 * A refusal naming every field at fault, as the API shows them (`high[0].delayMinutes` reads
 * `high.0.delayMinutes` once admin-api's filter has named it the API's way).
 */
export function validationRefusal(problems: readonly NotificationProblem[]): RpcError {
  const errors = problems.map(({ path, message }) => ({ field: path, message: `${path} ${message}` }));
  return new RpcError('VALIDATION_FAILED', errors.map((error) => error.message).join('; '), { errors });
}

export function notFound(what: string): RpcError {
  return new RpcError('NOT_FOUND', `${what} does not exist.`);
}
