import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  ConfigurationChanged,
  configurationChangesOf,
  Consumers,
  MessageEnvelope,
  Streams,
} from '@oncall/contracts';
import { DataSource } from 'typeorm';

type ChangeEnvelope = MessageEnvelope<string, ConfigurationChanged>;

/**
 * The audit log also covers configuration owned by other services (schedules, overrides, escalation
 * policies, PSA settings): they publish each change through their outbox and it is recorded here, once per
 * event id.
 */
@Controller()
export class ConfigurationAuditConsumer {
  constructor(private readonly dataSource: DataSource) {}

  @EventPattern(configurationChangesOf('scheduling'), {
    stream: Streams.scheduling.name,
    durable: Consumers.adminApiSchedulingAudit,
  })
  scheduling(@Payload() envelope: ChangeEnvelope): Promise<void> {
    return this.record(envelope);
  }

  @EventPattern(configurationChangesOf('escalation'), {
    stream: Streams.escalation.name,
    durable: Consumers.adminApiEscalationAudit,
  })
  escalation(@Payload() envelope: ChangeEnvelope): Promise<void> {
    return this.record(envelope);
  }

  @EventPattern(configurationChangesOf('psa'), {
    stream: Streams.psa.name,
    durable: Consumers.adminApiPsaAudit,
  })
  psa(@Payload() envelope: ChangeEnvelope): Promise<void> {
    return this.record(envelope);
  }

  private async record({ data, metadata }: ChangeEnvelope): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_log (org_id, at, actor, action, resource_type, resource_id, before, after, correlation_id, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        metadata.orgId,
        metadata.occurredAt,
        JSON.stringify(data.actor),
        `${data.resourceType}.${data.action}`,
        data.resourceType,
        data.resourceId,
        data.before === null ? null : JSON.stringify(data.before),
        data.after === null ? null : JSON.stringify(data.after),
        metadata.correlationId,
        metadata.eventId,
      ],
    );
  }
}
