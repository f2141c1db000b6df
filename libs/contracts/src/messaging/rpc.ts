import { MessageContext } from './envelope';

/** Body of a request/reply message. */
export interface RpcRequest<TData = unknown> {
  data: TData;
  context: RpcContext;
}

/** A request is made for one organization, except the few lookups that find the organization (orgId null). */
export type RpcContext = Omit<MessageContext, 'orgId'> & { orgId: string | null };

export type RpcReply<TData = unknown> = { ok: true; data: TData } | { ok: false; error: RpcErrorBody };

export interface RpcErrorBody {
  /** Stable, machine-readable: NOT_FOUND, CONFLICT, VALIDATION_FAILED, INCIDENT_RESOLVED, ... */
  code: string;
  /** A sentence a person can act on. */
  message: string;
  /** For VALIDATION_FAILED: `errors: [{ field, message }]`, the message a full sentence naming the field. */
  details?: Record<string, unknown>;
}

/** Codes every service may answer with; domains add their own. */
export const RpcErrorCodes = {
  validationFailed: 'VALIDATION_FAILED',
  notFound: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  unavailable: 'UNAVAILABLE',
  internal: 'INTERNAL',
  /** The answer could not be sent (larger than the bus carries, or not encodable): a defect, logged. */
  responseTooLarge: 'RESPONSE_TOO_LARGE',
  /** The request could not be sent: larger than the bus carries. Sending it again cannot help. */
  requestTooLarge: 'REQUEST_TOO_LARGE',
  /** The database refused the data itself (SQLSTATE class 22, some of 23): the same request fails again. */
  dataRefused: 'DATA_REFUSED',
} as const;
