import { Streams } from '@oncall/contracts';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { SchedulingConfig } from './scheduling.config';
import { SchedulingModule } from './scheduling.module';

export function schedulingService(config: SchedulingConfig): ServiceDefinition {
  return {
    serviceName: 'scheduling',
    config,
    schema: 'scheduling',
    migrations: [],
    streams: [Streams.incidents],
    module: SchedulingModule,
  };
}
