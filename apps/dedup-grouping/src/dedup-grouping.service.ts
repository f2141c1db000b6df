import { Streams } from '@oncall/contracts';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { DedupGroupingConfig } from './dedup-grouping.config';
import { DedupGroupingModule } from './dedup-grouping.module';
import { CreateOpenAlerts1764201800000 } from './migrations/1764201800000-create-open-alerts';
import { CreateAlertPartitions1796400000000 } from './migrations/1796400000000-create-alert-partitions';
import { CreateAlertHistory1797100000000 } from './migrations/1797100000000-create-alert-history';
import { CreateOpenGroups1797100000001 } from './migrations/1797100000001-create-open-groups';
import { AddCheckpointDoneAbove1797600000000 } from './migrations/1797600000000-add-checkpoint-done-above';
import { OpenAlertAppliedSequence1797800000000 } from './migrations/1797800000000-open-alert-applied-sequence';

export function dedupGroupingService(config: DedupGroupingConfig): ServiceDefinition {
  return {
    serviceName: 'dedup-grouping',
    config,
    schema: 'dedup_grouping',
    migrations: [
      CreateOpenAlerts1764201800000,
      CreateAlertPartitions1796400000000,
      CreateAlertHistory1797100000000,
      CreateOpenGroups1797100000001,
      AddCheckpointDoneAbove1797600000000,
      OpenAlertAppliedSequence1797800000000,
    ],
    streams: [Streams.alerts, Streams.incidents, Streams.deadLetters],
    module: DedupGroupingModule,
  };
}
