import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ConfigurationChanged,
  configurationChangesOf,
  Consumers,
  MessageEnvelope,
  Streams,
} from '@oncall/contracts';
import { DurableEventPattern } from '@oncall/platform-messaging';
import { AuditLogWriter } from './audit-log.writer';

type ChangeEnvelope = MessageEnvelope<string, ConfigurationChanged>;

/**
 * The audit log also covers configuration owned by other services (schedules, overrides, escalation
 * policies, PSA settings): they publish each change through their outbox and it is recorded here, once per
 * event id.
 */
@Controller()
export class ConfigurationAuditConsumer {
  constructor(private readonly auditLog: AuditLogWriter) {}

  @DurableEventPattern(
    configurationChangesOf('scheduling'),
    Streams.scheduling,
    Consumers.adminApiSchedulingAudit,
  )
  scheduling(@Payload() envelope: ChangeEnvelope): Promise<void> {
    return this.record(envelope);
  }

  @DurableEventPattern(
    configurationChangesOf('escalation'),
    Streams.escalation,
    Consumers.adminApiEscalationAudit,
  )
  escalation(@Payload() envelope: ChangeEnvelope): Promise<void> {
    return this.record(envelope);
  }

  @DurableEventPattern(configurationChangesOf('psa'), Streams.psa, Consumers.adminApiPsaAudit)
  psa(@Payload() envelope: ChangeEnvelope): Promise<void> {
    return this.record(envelope);
  }

  private record({ data, metadata }: ChangeEnvelope): Promise<void> {
    return this.auditLog.recordOnce(data, metadata);
  }
}
