import { randomUUID } from 'node:crypto';
import { redactUrl, runWithLogContext, ServiceMetrics } from '@oncall/platform-observability';
import type { NextFunction, Request, Response } from 'express';
import type { FastifyInstance } from 'fastify';
import { Logger } from 'pino';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

declare module 'fastify' {
  interface FastifyRequest {
    /** From X-Correlation-Id or made up; follows the request through every message it causes. */
    correlationId: string;
  }
}

interface FinishedRequest {
  correlationId: string;
  method: string;
  /** Path and query as received (redacted before logging). */
  url: string;
  path: string;
  /** The route's pattern, e.g. /v1/alerts/generic/:integrationKey. */
  route: string;
  status: number;
  seconds: number;
}

/**
 * Logs each request once it finishes, with a correlation id (taken from X-Correlation-Id or made up) that
 * follows the request through every message it causes. URLs are logged without integration keys.
 */
export function redactedRequestLogging(logger: Logger, metrics: ServiceMetrics) {
  const finished = onFinished(logger, metrics);
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const correlationId = correlationIdFrom(request.headers['x-correlation-id']);
    response.setHeader('X-Correlation-Id', correlationId);
    (request as Request & { correlationId?: string }).correlationId = correlationId;
    response.on('finish', () =>
      finished({
        correlationId,
        method: request.method,
        url: request.originalUrl,
        path: request.path,
        route: (request.route?.path as string | undefined) ?? 'unmatched',
        status: response.statusCode,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      }),
    );
    runWithLogContext({ correlationId }, next);
  };
}

/** The same for a service on Fastify, as hooks of the root instance (every route inherits them). */
export function installFastifyRequestLogging(
  fastify: FastifyInstance,
  logger: Logger,
  metrics: ServiceMetrics,
): void {
  const finished = onFinished(logger, metrics);
  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', (request, reply, done) => {
    const correlationId = correlationIdFrom(request.headers['x-correlation-id']);
    reply.header('X-Correlation-Id', correlationId);
    request.correlationId = correlationId;
    runWithLogContext({ correlationId }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const url = request.url;
    finished({
      correlationId: request.correlationId,
      method: request.method,
      url,
      path: url.split('?')[0],
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
    done();
  });
}

function onFinished(logger: Logger, metrics: ServiceMetrics) {
  return (request: FinishedRequest) => {
    metrics.httpRequestSeconds.observe(
      { method: request.method, route: request.route, status: String(request.status) },
      request.seconds,
    );
    if (QUIET_PATHS.has(request.path) || !logger.isLevelEnabled('info')) return;
    logger.info(
      {
        correlationId: request.correlationId,
        method: request.method,
        url: redactUrl(request.url),
        status: request.status,
        ms: Math.round(request.seconds * 1000),
      },
      'HTTP request',
    );
  };
}

function correlationIdFrom(value: string | string[] | undefined): string {
  const single = Array.isArray(value) ? value[0] : value;
  return single && /^[\w.:-]{1,128}$/.test(single) ? single : randomUUID();
}
