import { Streams } from '@oncall/contracts';
import { LOGGER, ServiceDefinition } from '@oncall/platform-runtime';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { ReceiveDefendAlert } from './defend-alert/receive-defend-alert';
import { ReceiveGenericAlert } from './generic-alert/receive-generic-alert';
import { registerAlertRoutes } from './http/alert-routes';
import { ReceiveIntakeAlerts } from './intake/receive-intake-alerts';
import { IngestionGatewayConfig } from './ingestion-gateway.config';
import { IngestionGatewayModule } from './ingestion-gateway.module';
import { IntegrationDirectory } from './integration-keys/integration-directory';

export const INGESTION_GATEWAY = 'ingestion-gateway';

/**
 * No database (ADR 0131): accepting an alert needs the local copy of integration keys and JetStream only,
 * so PostgreSQL being down changes nothing here. Fastify serves HTTP (ADR 0132).
 */
export function ingestionGatewayService(config: IngestionGatewayConfig): ServiceDefinition {
  return {
    serviceName: INGESTION_GATEWAY,
    config,
    database: false,
    streams: [Streams.alerts],
    module: IngestionGatewayModule,
    readiness: {
      integrationKeys: (moduleRef) => moduleRef.get(IntegrationDirectory, { strict: false }).isCaughtUp,
    },
    parseJsonBodies: false,
    fastify: { trustProxy: trustedProxies(config.TRUST_PROXY) },
    configureHttp: (app) =>
      registerAlertRoutes(
        app.getHttpAdapter().getInstance() as FastifyInstance,
        {
          generic: app.get(ReceiveGenericAlert),
          defend: app.get(ReceiveDefendAlert),
          intake: app.get(ReceiveIntakeAlerts),
        },
        app.get(LOGGER),
      ),
  };
}

function trustedProxies(setting: string | undefined): FastifyServerOptions['trustProxy'] {
  if (setting === undefined) return false;
  return /^\d+$/.test(setting) ? Number(setting) : setting;
}
