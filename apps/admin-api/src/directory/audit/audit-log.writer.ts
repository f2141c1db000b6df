import { Injectable } from '@nestjs/common';
import { ConfigurationChanged, MessageEnvelope } from '@oncall/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** One audit log row: who changed what, when, from what to what. */
export interface AuditEntry {
  orgId: string;
  at: string;
  actor: unknown;
  resourceType: string;
  resourceId: string;
  action: string;
  before: unknown;
  after: unknown;
  correlationId: string;
  /** The event that carried a change made elsewhere: recorded once whatever the redeliveries. */
  eventId?: string;
}

/** Writes the row; one with an `eventId` already recorded adds nothing. */
export async function insertAuditEntry(db: Pick<EntityManager, 'query'>, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (org_id, at, actor, action, resource_type, resource_id, before, after, correlation_id, event_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (event_id) DO NOTHING`,
    [
      entry.orgId,
      entry.at,
      JSON.stringify(entry.actor),
      `${entry.resourceType}.${entry.action}`,
      entry.resourceType,
      entry.resourceId,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
      entry.correlationId,
      entry.eventId ?? null,
    ],
  );
}

/** Records configuration changes other services published: once per event id (a redelivery adds nothing). */
@Injectable()
export class AuditLogWriter {
  constructor(private readonly dataSource: DataSource) {}

  recordOnce(data: ConfigurationChanged, metadata: MessageEnvelope['metadata']): Promise<void> {
    return insertAuditEntry(this.dataSource, {
      ...data,
      orgId: metadata.orgId,
      at: metadata.occurredAt,
      correlationId: metadata.correlationId,
      eventId: metadata.eventId,
    });
  }
}
