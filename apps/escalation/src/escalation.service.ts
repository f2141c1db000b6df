import { Streams } from '@oncall/contracts';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { EscalationConfig } from './escalation.config';
import { EscalationModule } from './escalation.module';

export function escalationService(config: EscalationConfig): ServiceDefinition {
  return {
    serviceName: 'escalation',
    config,
    schema: 'escalation',
    migrations: [],
    streams: [Streams.incidents],
    module: EscalationModule,
  };
}
