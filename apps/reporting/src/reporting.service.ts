import { Streams } from '@oncall/contracts';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { ReportingConfig } from './reporting.config';
import { ReportingModule } from './reporting.module';

export function reportingService(config: ReportingConfig): ServiceDefinition {
  return {
    serviceName: 'reporting',
    config,
    schema: 'reporting',
    migrations: [],
    streams: [Streams.incidents],
    module: ReportingModule,
  };
}
