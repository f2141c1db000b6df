import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessageBus, PlatformTransport } from '@oncall/platform-messaging';
import { createLogger, ServiceMetrics } from '@oncall/platform-observability';
import { Logger } from 'pino';
import { NestPinoLogger } from './nest-pino-logger';
import { PlatformModule } from './platform.module';
import { RuntimeOptions } from './runtime-options';
import { redactedRequestLogging } from './request-logging';

export interface ServiceDefinition extends RuntimeOptions {
  /** The service's own module; it may rely on everything PlatformModule exports. */
  module: DynamicModule | (new () => unknown);
  /** Parse JSON bodies before controllers (default). Off for services that read bodies themselves. */
  parseJsonBodies?: boolean;
  /** Last adjustments to the HTTP app (body limits, CORS, OpenAPI), before listen. */
  configureHttp?: (app: INestApplication) => void | Promise<void>;
}

export interface RunningService {
  app: INestApplication;
  logger: Logger;
  /** The port actually bound (useful when PORT=0). */
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Builds, wires and starts one service: migrations, bus, message handlers, then HTTP. */
export async function startService(definition: ServiceDefinition): Promise<RunningService> {
  const { config, serviceName } = definition;
  const logger = createLogger(serviceName, config.LOG_LEVEL);
  const app = await NestFactory.create(
    {
      module: class ServiceRootModule {},
      imports: [PlatformModule.forService(definition, logger), definition.module],
    },
    {
      logger: new NestPinoLogger(logger),
      bodyParser: definition.parseJsonBodies ?? true,
      abortOnError: false,
    },
  );
  app.use(redactedRequestLogging(logger, app.get(ServiceMetrics)));
  await definition.configureHttp?.(app);
  const metrics = app.get(ServiceMetrics);
  const transport = new PlatformTransport(app.get(MessageBus), serviceName, logger, {
    handled: (subject: string, outcome: string, seconds: number) => {
      metrics.messagesHandled.inc({ subject, outcome });
      metrics.messageHandlingSeconds.observe({ subject }, seconds);
    },
    deadLettered: (source) => metrics.deadLetters.inc(source),
  });
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
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
