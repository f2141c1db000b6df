import type { IncidentCommand } from '@oncall/incident-domain';
import { Severity } from '../alerts/canonical-alert';

export type IncidentStatusName = 'triggered' | 'acknowledged' | 'resolved';
export const INCIDENT_STATUSES: readonly IncidentStatusName[] = ['triggered', 'acknowledged', 'resolved'];

/** Request on `Commands.incident.execute(command.type)`. */
export interface ExecuteIncidentCommand {
  command: IncidentCommand;
  /** The version the caller based its decision on; a changed incident then answers CONFLICT. */
  expectedVersion?: number;
}

/** One row of the incident list, as the read model holds it. */
export interface IncidentSummary {
  incidentId: string;
  orgId: string;
  serviceId: string;
  title: string;
  status: IncidentStatusName;
  severity: Severity;
  urgency: 'high' | 'low';
  priority: string | null;
  alertCount: number;
  assignedUserIds: string[];
  escalationLevel: number | null;
  acknowledgedBy: string | null;
  snoozedUntil: string | null;
  ticket: { provider: string; ticketId: string; url: string | null } | null;
  triggeredAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  /** Set when the escalation policy ran out without an acknowledgement (cleared by one). */
  unansweredAt: string | null;
  updatedAt: string;
  version: number;
}

/** Answer to every incident command: the incident as it now stands. */
export interface IncidentCommandResult {
  incident: IncidentSummary;
  /** Event types appended by this command; empty when it changed nothing (e.g. a second acknowledge). */
  appended: string[];
}

export interface ListIncidentsQuery {
  status?: IncidentStatusName[];
  severity?: Severity[];
  serviceId?: string;
  /** Any of these services (admin-api turns a client filter into its services). */
  serviceIds?: string[];
  assigneeId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
  sort?: 'newest' | 'oldest';
}

export interface IncidentPage {
  items: IncidentSummary[];
  nextCursor: string | null;
}

export interface GetIncidentQuery {
  incidentId: string;
}

/** One line of an incident's history, rendered from one event. */
export interface TimelineEntry {
  version: number;
  at: string;
  type: string;
  actor:
    | { kind: 'user'; userId: string }
    | { kind: 'integration'; integrationId: string }
    | { kind: 'system'; reason: string }
    | null;
  /** The event's own facts (alert, note text, levels, ticket, reason ...). */
  detail: Record<string, unknown>;
}

export interface IncidentDetail {
  incident: IncidentSummary;
  alerts: { alertId: string; dedupKey: string; summary: string; severity: Severity; receivedAt: string }[];
  notes: { noteId: string; text: string; by: TimelineEntry['actor']; at: string }[];
  mergedInto: string | null;
  mergedIncidentIds: string[];
  resolutionReason: string | null;
  timeline: TimelineEntry[];
}

/** Request on Commands.incident.merge: fold the source incidents into the target (PagerDuty merge). */
export interface MergeIncidentsCommand {
  targetIncidentId: string;
  sourceIncidentIds: string[];
  by: { kind: 'user'; userId: string };
  at: string;
}
