import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { MessageBus, PlatformTransport } from '@oncall/platform-messaging';
import { createLogger, ServiceMetrics } from '@oncall/platform-observability';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { Logger as NestJsPinoLogger, PinoLogger } from 'nestjs-pino';
import { Logger } from 'pino';
import { answerFrameworkError } from './fastify-framework-errors';
import { PlatformModule } from './platform.module';
import { RuntimeOptions } from './runtime-options';
import { installFastifyRequestContext, requestContext } from './request-logging';
import { installFastifySecurityHeaders, securityHeaders } from './security-headers';

export type ServiceDefinition = RuntimeOptions & {
  /** The service's own module; it may rely on everything PlatformModule exports. */
  module: DynamicModule | (new () => unknown);
  /** Parse JSON bodies before controllers (default). Off for services that read bodies themselves. */
  parseJsonBodies?: boolean;
  /**
   * Serve HTTP with Fastify (these server options) instead of Express: the ingestion gateway, where the
   * cost per request matters (ADR 0132). Controllers, probes and problem+json work on both.
   */
  fastify?: FastifyServerOptions;
  /** Last adjustments to the HTTP app (body limits, CORS, OpenAPI, own routes), before listen. */
  configureHttp?: (app: INestApplication) => void | Promise<void>;
};

export interface RunningService {
  app: INestApplication;
  logger: Logger;
  /** The port actually bound (useful when PORT=0). */
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Builds, wires and starts one service: migrations, bus, init and bootstrap hooks, message handlers, then HTTP. */
export async function startService(definition: ServiceDefinition): Promise<RunningService> {
  const { config, serviceName } = definition;
  const logger = createLogger(serviceName, config.LOG_LEVEL);
  const root = {
    module: class ServiceRootModule {},
    imports: [PlatformModule.forService(definition, logger), definition.module],
  };
  const options = {
    // NestJS's own lines (module init, errors) go through nestjs-pino into the service's JSON log, from the
    // first one: buffered lines would go to Nest's console logger when the service fails to start.
    logger: new NestJsPinoLogger(new PinoLogger({ pinoHttp: { logger } }), {}),
    bodyParser: definition.parseJsonBodies ?? true,
    abortOnError: false,
  };
  const app = definition.fastify
    ? await NestFactory.create(
        root,
        new FastifyAdapter({ frameworkErrors: answerFrameworkError, ...definition.fastify }),
        options,
      )
    : await NestFactory.create(root, options);
  const metrics = app.get(ServiceMetrics);
  if (definition.fastify) {
    const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
    installFastifyRequestContext(fastify, logger, metrics);
    installFastifySecurityHeaders(fastify);
  } else {
    app.use(requestContext(logger, metrics));
    app.use(securityHeaders());
  }
  await definition.configureHttp?.(app);
  const transport = new PlatformTransport(app.get(MessageBus), serviceName, logger, {
    handled: (subject: string, outcome: string, seconds: number) => {
      metrics.messagesHandled.inc({ subject, outcome });
      metrics.messageHandlingSeconds.observe({ subject }, seconds);
    },
    deadLettered: (source) => metrics.deadLetters.inc(source),
  });
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  // Init hooks (local copies load there) and bootstrap hooks (workers start there) run before the first
  // message is taken: a handler never decides against copies still loading.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  logger.info({ port: address.port }, `${serviceName} ready on ${url}`);
  // Stop taking messages first, so background workers (outbox relay, projections) stop after the last
  // message that could give them work, then close the rest.
  const close = async () => {
    await transport.close();
    await app.close();
  };
  return { app, logger, port: address.port, url, close };
}
