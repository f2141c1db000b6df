import { ChangeActor } from '@oncall/contracts';

export interface AuditRow {
  id: string;
  org_id: string;
  at: Date;
  actor: ChangeActor;
  action: string;
  resource_type: string;
  resource_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  correlation_id: string | null;
}

/** One configuration change: who, what, when, and the resource before and after it. */
export interface AuditEntryView {
  id: string;
  at: string;
  actor: ChangeActor;
  /** `<resourceType>.<action>`, e.g. `team.updated`. */
  action: string;
  resourceType: string;
  resourceId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  correlationId: string | null;
}

export function toAuditEntryView(row: AuditRow): AuditEntryView {
  return {
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    before: row.before,
    after: row.after,
    correlationId: row.correlation_id,
  };
}
