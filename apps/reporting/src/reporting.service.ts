import { Streams } from '@oncall/contracts';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { CreateReportingReadModels1797000000000 } from './migrations/1797000000000-create-reporting-read-models';
import { CreateQuarterRollups1797000000001 } from './migrations/1797000000001-create-quarter-rollups';
import { ReportingConfig } from './reporting.config';
import { ReportingModule } from './reporting.module';

export const REPORTING_SCHEMA = 'reporting';
export const REPORTING_MIGRATIONS = [
  CreateReportingReadModels1797000000000,
  CreateQuarterRollups1797000000001,
];

export function reportingService(config: ReportingConfig): ServiceDefinition {
  return {
    serviceName: 'reporting',
    config,
    schema: REPORTING_SCHEMA,
    migrations: REPORTING_MIGRATIONS,
    streams: [Streams.incidents, Streams.escalation, Streams.scheduling],
    module: ReportingModule,
  };
}
