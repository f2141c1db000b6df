import { RpcErrorBody, RpcErrorCodes } from '@oncall/contracts';

/**
 * A refusal a command or query handler answers with. The code travels to the caller unchanged;
 * anything else thrown by a handler is reported as INTERNAL without its details.
 */
export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'RpcError';
  }

  toBody(): RpcErrorBody {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }

  static fromBody(body: RpcErrorBody): RpcError {
    return new RpcError(body.code, body.message, body.details);
  }
}

/** Nobody answered in time, or nobody is listening: the caller may retry later. */
export class RpcUnavailableError extends RpcError {
  constructor(subject: string, reason: 'timeout' | 'no-responders') {
    super(
      RpcErrorCodes.unavailable,
      reason === 'timeout'
        ? `No answer to ${subject} in time; the service may be overloaded or restarting.`
        : `No service is answering ${subject}; it may be down or restarting.`,
      { subject, reason },
    );
    this.name = 'RpcUnavailableError';
  }
}

const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  RpcErrorCodes.unavailable,
  RpcErrorCodes.internal,
  RpcErrorCodes.conflict,
]);

/** A typed refusal (validation, not found, invalid transition) will be refused again: retrying cannot help. */
export function isPermanentFailure(error: unknown): boolean {
  return error instanceof RpcError && !TRANSIENT_CODES.has(error.code);
}
