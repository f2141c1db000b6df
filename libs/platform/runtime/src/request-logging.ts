import { randomUUID } from 'node:crypto';
import { redactUrl, runWithLogContext, ServiceMetrics } from '@oncall/platform-observability';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'pino';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Logs each request once it finishes, with a correlation id (taken from X-Correlation-Id or made up) that
 * follows the request through every message it causes. URLs are logged without integration keys.
 */
export function redactedRequestLogging(logger: Logger, metrics: ServiceMetrics) {
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const correlationId = headerValue(request.headers['x-correlation-id']) ?? randomUUID();
    response.setHeader('X-Correlation-Id', correlationId);
    (request as Request & { correlationId?: string }).correlationId = correlationId;
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (request.route?.path as string | undefined) ?? 'unmatched';
      metrics.httpRequestSeconds.observe(
        { method: request.method, route, status: String(response.statusCode) },
        seconds,
      );
      if (QUIET_PATHS.has(request.path)) return;
      logger.info(
        {
          correlationId,
          method: request.method,
          url: redactUrl(request.originalUrl),
          status: response.statusCode,
          ms: Math.round(seconds * 1000),
        },
        'HTTP request',
      );
    });
    runWithLogContext({ correlationId }, next);
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single && /^[\w.:-]{1,128}$/.test(single) ? single : undefined;
}
