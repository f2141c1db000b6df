import { Streams } from '@oncall/contracts';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { IngestionGatewayConfig } from './ingestion-gateway.config';
import { IngestionGatewayModule } from './ingestion-gateway.module';

export const INGESTION_GATEWAY = 'ingestion-gateway';

export function ingestionGatewayService(config: IngestionGatewayConfig): ServiceDefinition {
  return {
    serviceName: INGESTION_GATEWAY,
    config,
    schema: 'ingestion_gateway',
    migrations: [],
    streams: [Streams.alerts],
    module: IngestionGatewayModule,
    // Alert bodies are read by hand: size limit, JSON errors and validation all answer 400 naming the field.
    parseJsonBodies: false,
  };
}
