import { Module } from '@nestjs/common';
import { GenericAlertController } from './generic-alert/generic-alert.controller';
import { IntegrationAuthenticator } from './integration-keys/integration-authenticator';
import { IntegrationKeyResolver } from './integration-keys/integration-key-resolver';
import { AlertPublisher } from './publish/alert-publisher';

@Module({
  controllers: [GenericAlertController],
  providers: [IntegrationKeyResolver, IntegrationAuthenticator, AlertPublisher],
})
export class IngestionGatewayModule {}
