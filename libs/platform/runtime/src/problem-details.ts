import { HttpStatus } from '@nestjs/common';

/** RFC 7807 body. `errors` lists the fields at fault for a 400. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

const TITLES: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: 'Invalid request',
  [HttpStatus.UNAUTHORIZED]: 'Authentication required',
  [HttpStatus.FORBIDDEN]: 'Not allowed',
  [HttpStatus.NOT_FOUND]: 'Not found',
  [HttpStatus.CONFLICT]: 'Conflict',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'Payload too large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'Unsupported media type',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'Request cannot be carried out',
  [HttpStatus.TOO_MANY_REQUESTS]: 'Too many requests',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'Service unavailable',
  [HttpStatus.INTERNAL_SERVER_ERROR]: 'Internal error',
};

export function problem(status: number, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails {
  return {
    type: extra.code
      ? `https://oncall.dev/problems/${extra.code.toLowerCase().replace(/_/g, '-')}`
      : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...extra,
  };
}

/** HTTP status for an error code answered by another service. */
export function statusForErrorCode(code: string): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'VALIDATION':
      return HttpStatus.BAD_REQUEST;
    case 'FORBIDDEN':
      return HttpStatus.FORBIDDEN;
    case 'NOT_FOUND':
    case 'INCIDENT_NOT_FOUND':
      return HttpStatus.NOT_FOUND;
    case 'UNAVAILABLE':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'DATA_REFUSED':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    // Our own defects; for the two others, an answer or a request was not bounded where it should be.
    case 'INTERNAL':
    case 'RESPONSE_TOO_LARGE':
    case 'REQUEST_TOO_LARGE':
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default:
      // Domain refusals (CONFLICT, INCIDENT_RESOLVED, INVALID_TRANSITION, ...) are conflicts with current state.
      return HttpStatus.CONFLICT;
  }
}

/** `steps[1].targets[0].id` as the API names fields (the validation pipe's form): `steps.1.targets.0.id`. */
export function apiFieldName(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}
