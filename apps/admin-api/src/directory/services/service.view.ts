import { TicketMode, UrgencyRule } from '@oncall/contracts';
import type { GroupingRule } from '@oncall/dedup-domain';

export interface ServiceRow {
  id: string;
  org_id: string;
  name: string;
  description: string;
  client_id: string | null;
  team_id: string | null;
  escalation_policy_id: string | null;
  urgency_rule: UrgencyRule;
  ticket_mode: TicketMode;
  grouping: GroupingRule | null;
  ack_timeout_seconds: number | null;
  auto_resolve_seconds: number | null;
  created_at: Date;
  updated_at: Date;
}

/** Something the MSP is on call for: alerts of its integrations open its incidents. */
export interface ServiceView {
  id: string;
  name: string;
  description: string;
  clientId: string | null;
  teamId: string | null;
  escalationPolicyId: string | null;
  urgencyRule: UrgencyRule;
  /** When its incidents get a PSA ticket. */
  ticketMode: TicketMode;
  /** How alerts are grouped into incidents (ADR 0175); null: each alert key is its own incident. */
  grouping: GroupingRule | null;
  /** An acknowledged incident is triggered again (and pages from step 1) after this long; null: never. */
  ackTimeoutSeconds: number | null;
  /** An incident nobody touched for this long resolves itself; null: never. */
  autoResolveSeconds: number | null;
  createdAt: string;
  updatedAt: string;
}

export function toServiceView(row: ServiceRow): ServiceView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    clientId: row.client_id,
    teamId: row.team_id,
    escalationPolicyId: row.escalation_policy_id,
    urgencyRule: row.urgency_rule,
    ticketMode: row.ticket_mode,
    grouping: row.grouping ?? null,
    ackTimeoutSeconds: row.ack_timeout_seconds ?? null,
    autoResolveSeconds: row.auto_resolve_seconds ?? null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
