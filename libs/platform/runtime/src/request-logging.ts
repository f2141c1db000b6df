import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactUrl, runWithLogContext, ServiceMetrics } from '@oncall/platform-observability';
import type { NextFunction, Request, Response } from 'express';
import type { FastifyInstance } from 'fastify';
import { pinoHttp, Options } from 'pino-http';
import { Logger } from 'pino';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

declare module 'fastify' {
  interface FastifyRequest {
    /** From X-Correlation-Id or made up; follows the request through every message it causes. */
    correlationId: string;
  }
}

type CorrelatedMessage = IncomingMessage & { correlationId?: string };

/**
 * One pino-http line per finished request ("HTTP request") from the service's own
 * logger, with the correlation id, method, redacted URL, status and time; never a header, so no bearer
 * token, cookie or service key is written, and no integration key or credential query value either
 * (redactUrl). Probes and /metrics are not logged.
 */
export function requestLogOptions(logger: Logger): Options {
  return {
    logger,
    genReqId: (request, response) => correlationIdOf(request, response),
    customAttributeKeys: { reqId: 'correlationId' },
    quietReqLogger: true,
    autoLogging: { ignore: (request) => QUIET_PATHS.has(pathOf(request.url)) },
    serializers: {
      req: (request: { method: string; url: string }) => ({
        method: request.method,
        url: redactUrl(request.url),
      }),
      res: (response: { statusCode: number }) => ({ status: response.statusCode }),
    },
    customSuccessMessage: () => 'HTTP request',
    customErrorMessage: () => 'HTTP request',
  };
}

/**
 * Before any route: the correlation id (taken from X-Correlation-Id or made up, answered in the same
 * header), the log context every line of the request carries, and the request's metrics.
 */
export function requestContext(logger: Logger, metrics: ServiceMetrics) {
  const log = pinoHttp(requestLogOptions(logger));
  return (request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const correlationId = correlationIdOf(request, response);
    log(request, response);
    response.on('finish', () => {
      const route = (request.route?.path as string | undefined) ?? 'unmatched';
      observe(metrics, request.method, route, response.statusCode, Number(process.hrtime.bigint() - started) / 1e9); // prettier-ignore
    });
    runWithLogContext({ correlationId }, next);
  };
}

/**
 * The same for a service on Fastify, as hooks of the root instance (every route inherits them). The line is
 * the one pino-http writes, built once the answer is sent from the service's logger and only when its level
 * is on: pino-http's child logger per request was a tenth of the gateway's CPU per alert (ADR 0158).
 */
export function installFastifyRequestContext(
  fastify: FastifyInstance,
  logger: Logger,
  metrics: ServiceMetrics,
): void {
  fastify.decorateRequest('correlationId', '');
  fastify.addHook('onRequest', (request, reply, done) => {
    request.correlationId = correlationIdOf(request.raw, reply.raw);
    runWithLogContext({ correlationId: request.correlationId }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    observe(metrics, request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    if (logger.isLevelEnabled('info') && !QUIET_PATHS.has(pathOf(request.url))) {
      const status = reply.statusCode;
      logger.info(
        {
          correlationId: request.correlationId,
          req: { method: request.method, url: redactUrl(request.url) },
          res: { status },
          responseTime: Math.round(reply.elapsedTime),
          ...(status >= 500 ? { err: { message: `failed with status code ${status}` } } : {}),
        },
        'HTTP request',
      );
    }
    done();
  });
}

function observe(metrics: ServiceMetrics, method: string, route: string, status: number, seconds: number) {
  metrics.httpRequestSeconds.observe({ method, route, status: String(status) }, seconds);
}

/** One id per request, whichever of the context hook and the request logger asks first. */
function correlationIdOf(request: CorrelatedMessage, response: ServerResponse): string {
  if (request.correlationId) return request.correlationId;
  const header = request.headers['x-correlation-id'];
  const single = Array.isArray(header) ? header[0] : header;
  request.correlationId = single && /^[\w.:-]{1,128}$/.test(single) ? single : randomUUID();
  response.setHeader('X-Correlation-Id', request.correlationId);
  return request.correlationId;
}

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}
