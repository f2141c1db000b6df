import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { RpcError } from '@oncall/platform-messaging';
import type { Request, Response } from 'express';
import { Logger } from 'pino';
import { throwError } from 'rxjs';
import { apiFieldName, problem, ProblemDetails, statusForErrorCode } from './problem-details';
import { LOGGER } from './tokens';

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
    const instance = request.originalUrl?.split('?')[0];
    if (exception instanceof HttpException) return this.fromHttpException(exception, instance);
    if (exception instanceof RpcError) {
      const errors = fieldErrorsOf(exception);
      return problem(statusForErrorCode(exception.code), exception.message, {
        code: exception.code,
        instance,
        ...(errors ? { errors } : {}),
      });
    }
    this.logger.error({ err: exception }, 'Unhandled error in HTTP request');
    return problem(
      HttpStatus.INTERNAL_SERVER_ERROR,
      'The server failed to handle this request; it was logged.',
      {
        instance,
      },
    );
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
