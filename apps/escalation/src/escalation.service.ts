import { Streams } from '@oncall/contracts';
import { OUTBOX_MIGRATIONS } from '@oncall/platform-outbox';
import { ServiceDefinition } from '@oncall/platform-runtime';
import { CreateTimers1796200000000 } from '@oncall/platform-timers';
import { EscalationConfig } from './escalation.config';
import { EscalationModule } from './escalation.module';
import { CreateEscalationPolicies1764202200000 } from './migrations/1764202200000-create-escalation-policies';
import { CreateEscalationProcesses1797400000000 } from './migrations/1797400000000-create-escalation-processes';

export const ESCALATION_SCHEMA = 'escalation';
export const ESCALATION_MIGRATIONS = [
  ...OUTBOX_MIGRATIONS,
  CreateEscalationPolicies1764202200000,
  CreateTimers1796200000000,
  CreateEscalationProcesses1797400000000,
];

export function escalationService(config: EscalationConfig): ServiceDefinition {
  return {
    serviceName: 'escalation',
    config,
    schema: ESCALATION_SCHEMA,
    migrations: ESCALATION_MIGRATIONS,
    streams: [Streams.incidents, Streams.escalation, Streams.state],
    module: EscalationModule,
  };
}
