import { Module } from '@nestjs/common';
import { ReceiveDefendAlert } from './defend-alert/receive-defend-alert';
import { ReceiveGenericAlert } from './generic-alert/receive-generic-alert';
import { ReceiveIntakeAlerts } from './intake/receive-intake-alerts';
import { IntegrationAuthenticator } from './integration-keys/integration-authenticator';
import { IntegrationDirectory } from './integration-keys/integration-directory';
import { AlertPublisher } from './publish/alert-publisher';
import { AlertRateLimits } from './rate-limits/alert-rate-limits';

/** Use cases and their parts; the alert routes are registered on Fastify by the service definition. */
@Module({
  providers: [
    IntegrationDirectory,
    IntegrationAuthenticator,
    AlertRateLimits,
    AlertPublisher,
    ReceiveGenericAlert,
    ReceiveDefendAlert,
    ReceiveIntakeAlerts,
  ],
})
export class IngestionGatewayModule {}
