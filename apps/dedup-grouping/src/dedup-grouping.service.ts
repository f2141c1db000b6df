import { Streams } from '@oncall/contracts';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { DedupGroupingConfig } from './dedup-grouping.config';
import { DedupGroupingModule } from './dedup-grouping.module';
import { CreateOpenAlerts1764201800000 } from './migrations/1764201800000-create-open-alerts';

export function dedupGroupingService(config: DedupGroupingConfig): ServiceDefinition {
  return {
    serviceName: 'dedup-grouping',
    config,
    schema: 'dedup_grouping',
    migrations: [CreateOpenAlerts1764201800000],
    streams: [Streams.alerts, Streams.incidents, Streams.deadLetters],
    module: DedupGroupingModule,
  };
}
