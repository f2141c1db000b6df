import { IncidentDomainError, IncidentValidationError } from '@oncall/incident-domain';
import { RpcError } from '@oncall/platform-messaging';

/** How often a command is decided again when other writers keep getting in first. */
export const MAX_ATTEMPTS = 5;

/**
 * A domain refusal as the caller gets it: its code and sentence, and for a validation refusal the field
 * at fault in `details.errors`, named as in the request (`data.text` is the API's `text`).
 */
export function refusalOf(error: IncidentDomainError): RpcError {
  if (!(error instanceof IncidentValidationError)) return new RpcError(error.code, error.message);
  const field = error.field.replace(/^data\./, '');
  const message = error.message.replace(error.field, field);
  return new RpcError(error.code, message, { errors: [{ field, message }] });
}

/** Other writers changed the incident on every one of MAX_ATTEMPTS tries. */
export function keptChanging(): RpcError {
  return new RpcError('CONFLICT', 'The incident kept changing; try again.');
}
