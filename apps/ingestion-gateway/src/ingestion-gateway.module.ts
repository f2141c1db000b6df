import { Module } from '@nestjs/common';
import { DefendAlertController } from './defend-alert/defend-alert.controller';
import { GenericAlertController } from './generic-alert/generic-alert.controller';
import { IntegrationAuthenticator } from './integration-keys/integration-authenticator';
import { IntegrationKeyResolver } from './integration-keys/integration-key-resolver';
import { AlertPublisher } from './publish/alert-publisher';

@Module({
  controllers: [GenericAlertController, DefendAlertController],
  providers: [IntegrationKeyResolver, IntegrationAuthenticator, AlertPublisher],
})
export class IngestionGatewayModule {}
