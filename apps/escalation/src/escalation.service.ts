import { Streams } from '@oncall/contracts';
import { CreateOutbox1764201600000 } from '@oncall/platform-outbox';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { EscalationConfig } from './escalation.config';
import { EscalationModule } from './escalation.module';
import { CreateEscalationPolicies1764202200000 } from './migrations/1764202200000-create-escalation-policies';

export const ESCALATION_SCHEMA = 'escalation';
export const ESCALATION_MIGRATIONS = [CreateOutbox1764201600000, CreateEscalationPolicies1764202200000];

export function escalationService(config: EscalationConfig): ServiceDefinition {
  return {
    serviceName: 'escalation',
    config,
    schema: ESCALATION_SCHEMA,
    migrations: ESCALATION_MIGRATIONS,
    streams: [Streams.incidents, Streams.escalation],
    module: EscalationModule,
  };
}
