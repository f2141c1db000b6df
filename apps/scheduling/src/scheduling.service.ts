import { Streams } from '@oncall/contracts';
import { OUTBOX_MIGRATIONS } from '@oncall/platform-outbox';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { CreateSchedules1764202000000 } from './migrations/1764202000000-create-schedules';
import { SchedulingConfig } from './scheduling.config';
import { SchedulingModule } from './scheduling.module';

export const SCHEDULING_SCHEMA = 'scheduling';

export function schedulingService(config: SchedulingConfig): ServiceDefinition {
  return {
    serviceName: 'scheduling',
    config,
    schema: SCHEDULING_SCHEMA,
    migrations: [...OUTBOX_MIGRATIONS, CreateSchedules1764202000000],
    streams: [Streams.scheduling, Streams.state],
    module: SchedulingModule,
  };
}
