import { RpcError } from '@oncall/platform-messaging';
import { isInstant } from '@oncall/scheduling-domain';

/** A VALIDATION_FAILED refusal naming one field, in the project's shape: details.errors [{field, message}]. */
export function invalidField(field: string, message: string): RpcError {
  return new RpcError('VALIDATION_FAILED', `${field} ${message}`, {
    errors: [{ field, message: `${field} ${message}` }],
  });
}

/**
 * An instant received over the bus, checked strictly: an explicit offset and a real calendar moment
 * (the engine's own check), never read in the host's zone or rolled over from 30 February.
 */
export function parseInstant(field: string, value: unknown): Date {
  if (!isInstant(value)) {
    throw invalidField(field, 'must be an ISO-8601 instant with an offset, e.g. 2027-05-01T09:00:00Z');
  }
  return new Date(value);
}
