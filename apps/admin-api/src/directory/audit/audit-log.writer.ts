import { Injectable } from '@nestjs/common';
import { ConfigurationChanged, MessageEnvelope } from '@oncall/contracts';
import { DataSource } from 'typeorm';

/** Records configuration changes other services published: once per event id (a redelivery adds nothing). */
@Injectable()
export class AuditLogWriter {
  constructor(private readonly dataSource: DataSource) {}

  async recordOnce(data: ConfigurationChanged, metadata: MessageEnvelope['metadata']): Promise<void> {
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
