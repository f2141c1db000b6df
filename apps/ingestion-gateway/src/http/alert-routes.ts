import { HttpException } from '@nestjs/common';
import { problem, ProblemDetails } from '@oncall/platform-runtime';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { ReceiveDefendAlert } from '../defend-alert/receive-defend-alert';
import { ReceiveGenericAlert } from '../generic-alert/receive-generic-alert';
import { gatewayOpenApi } from '../intake/gateway-open-api';
import { pagerDutyRefusal } from '../intake/intake-replies';
import { bodyKeyField, INTAKE_ROUTES, IntakeRoute } from '../intake/intake-routes';
import { ReceiveIntakeAlerts } from '../intake/receive-intake-alerts';
import { AlertRequest } from './alert-request';
import { RetryLaterException } from './retry-later.exception';

export interface AlertUseCases {
  generic: ReceiveGenericAlert;
  defend: ReceiveDefendAlert;
  intake: ReceiveIntakeAlerts;
}

/** What the scope's error handler needs to know of the route it answers for. */
interface RouteConfig {
  route?: IntakeRoute;
}

/**
 * The alert routes, as plain Fastify routes beside the Nest controllers (ADR 0132): no router layers,
 * pipes or interceptors per alert, and the body is left unread until the use case has checked the sender.
 * Every refusal is problem+json whose `instance` is the route, never the URL (it holds the key).
 */
export function registerAlertRoutes(fastify: FastifyInstance, useCases: AlertUseCases, logger: Logger): void {
  void fastify.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, parsed) => parsed(null, undefined));
    scope.setErrorHandler((error: FastifyError, request, reply) =>
      answerRefusal(error, request, reply, logger),
    );
    scope.post<{ Params: { integrationKey: string } }>(
      '/v1/alerts/generic/:integrationKey',
      async (request, reply) =>
        reply
          .code(202)
          .send(await useCases.generic.receive(request.params.integrationKey, alertRequest(request))),
    );
    scope.post('/v1/alerts/defend', async (request, reply) =>
      reply.code(202).send(await useCases.defend.receive(alertRequest(request))),
    );
    for (const route of INTAKE_ROUTES) {
      scope.route<{ Params: { integrationKey?: string } }>({
        method: route.methods,
        url: route.url,
        config: { route } satisfies RouteConfig,
        handler: async (request, reply) => {
          const answer = await useCases.intake.receive(
            route,
            request.params.integrationKey,
            alertRequest(request),
          );
          return reply.code(answer.statusCode).send(answer.body);
        },
      });
    }
    done();
  });
  const openApi = JSON.stringify(gatewayOpenApi());
  fastify.get('/v1/alerts/openapi.json', (_request, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').send(openApi),
  );
}

function alertRequest(request: FastifyRequest): AlertRequest {
  return {
    source: request.ip,
    correlationId: request.correlationId,
    headers: request.headers,
    body: request.raw,
  };
}

function answerRefusal(
  error: FastifyError | HttpException,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
): FastifyReply {
  const instance = (request.routeOptions.url ?? '').replace(/:(\w+)/g, '{$1}');
  const body = problemFor(error, instance, logger);
  if (error instanceof RetryLaterException) reply.header('retry-after', String(error.retryAfterSeconds));
  const { route } = (request.routeOptions.config ?? {}) as RouteConfig;
  if (route && route.replies !== 'ours') {
    const answer = pagerDutyRefusal(body, bodyKeyField(route));
    return reply.code(answer.statusCode).send(answer.body);
  }
  return reply
    .code(body.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify(body));
}

function problemFor(error: FastifyError | HttpException, instance: string, logger: Logger): ProblemDetails {
  if (error instanceof HttpException) {
    const response = error.getResponse();
    if (typeof response === 'object' && 'type' in response && 'status' in response) {
      return { ...(response as ProblemDetails), instance };
    }
    return problem(error.getStatus(), error.message, { instance });
  }
  // Fastify's own refusals (a request it could not read) are the sender's: say so without echoing it.
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return problem(error.statusCode, 'The request could not be read.', { instance });
  }
  logger.error({ err: error }, 'Unhandled error in an alert route');
  return problem(500, 'The server failed to handle this request; it was logged.', { instance });
}
