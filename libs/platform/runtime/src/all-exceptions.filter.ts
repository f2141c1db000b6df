import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { RpcErrorCodes } from '@oncall/contracts';
import { RpcError } from '@oncall/platform-messaging';
import { redactUrl } from '@oncall/platform-observability';
import type { Request, Response } from 'express';
import { Logger } from 'pino';
import { throwError } from 'rxjs';
import { apiFieldName, problem, ProblemDetails, statusForErrorCode } from './problem-details';
import { LOGGER } from './tokens';

/** What a caller is told when a service behind the API does not answer (never which one, or on what subject). */
export const UNAVAILABLE_DETAIL = 'A service needed for this request is not answering; try again shortly.';
/** What a caller is told of a failure of ours, here or behind the bus (the log has the rest). */
export const INTERNAL_DETAIL = 'The server failed to handle this request; it was logged.';

/**
 * HTTP: every error becomes RFC 7807 problem+json, with no internals for unexpected ones.
 * Messages: errors pass through untouched so the transport can answer with their code.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() === 'rpc') return throwError(() => exception);
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const body = this.toProblem(exception, request);
    http.getResponse<Response>().status(body.status).type('application/problem+json').json(body);
    return undefined;
  }

  private toProblem(exception: unknown, request: Request): ProblemDetails {
    // Never echo a credential: integration keys travel in alert URLs.
    const instance = request.originalUrl ? redactUrl(request.originalUrl).split('?')[0] : undefined;
    if (exception instanceof HttpException) return this.fromHttpException(exception, instance);
    if (exception instanceof RpcError) {
      if (exception.code === RpcErrorCodes.unavailable) {
        // The remote message names bus subjects and services: for the logs, not for the caller.
        this.logger.warn(
          { err: exception, details: exception.details },
          'A service needed for a request is not answering',
        );
        return problem(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL, {
          code: exception.code,
          instance,
        });
      }
      if (statusForErrorCode(exception.code) >= 500) {
        // The remote message may name bus subjects or services: for the logs, not for the caller.
        this.logger.error({ err: exception, details: exception.details }, 'A service behind the API failed');
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_DETAIL, { code: exception.code, instance });
      }
      const errors = fieldErrorsOf(exception);
      return problem(statusForErrorCode(exception.code), exception.message, {
        code: exception.code,
        instance,
        ...(errors ? { errors } : {}),
      });
    }
    this.logger.error({ err: exception }, 'Unhandled error in HTTP request');
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, INTERNAL_DETAIL, { instance });
  }

  private fromHttpException(exception: HttpException, instance: string | undefined): ProblemDetails {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'object' && response !== null && 'type' in response && 'status' in response) {
      return { ...(response as ProblemDetails), instance };
    }
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    const detail = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
    return problem(status, detail, { instance });
  }
}

/**
 * The fields a service named in a refusal (`details.errors`), named as the API names fields everywhere:
 * a domain's `layers[0].end` becomes `layers.0.end`, so a check made behind the API reads like one made in it.
 */
function fieldErrorsOf(error: RpcError): ProblemDetails['errors'] | undefined {
  const errors = error.details?.errors;
  if (!Array.isArray(errors)) return undefined;
  return (errors as { field: string; message: string }[]).map(({ field, message }) => ({
    field: apiFieldName(field),
    message: apiFieldName(message),
  }));
}
