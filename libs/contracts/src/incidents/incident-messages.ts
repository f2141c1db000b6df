import type { IncidentCommandV1 } from './incident-command.v1';
import { Severity } from '../alerts/canonical-alert';
import { CursorPage, PageQuery } from '../paging/cursor-page';
import { MessageContext } from '../messaging/envelope';
import { RpcReply } from '../messaging/rpc';

export type IncidentStatusName = 'triggered' | 'acknowledged' | 'resolved';
export const INCIDENT_STATUSES: readonly IncidentStatusName[] = ['triggered', 'acknowledged', 'resolved'];

/** Request on `Commands.incident.execute(command.type)`. */
export interface ExecuteIncidentCommand {
  command: IncidentCommandV1;
  /** The version the caller based its decision on; a changed incident then answers CONFLICT. */
  expectedVersion?: number;
}

/**
 * Request on `Commands.incident.triggerBatch`: the correlator's TriggerIncident and RecordAlertRepeats
 * commands, each with the context of its alert (organizations may differ; each command must act on its own
 * context's organization).
 */
export interface TriggerIncidentBatch {
  items: { command: IncidentCommandV1; context: MessageContext }[];
}

/** One answer per item, in the same order: as if each command had been sent on its own. */
export interface TriggerIncidentBatchResult {
  results: RpcReply<IncidentCommandResult>[];
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

/**
 * One alert entry of an incident: one per alert key, its repeats counted. `position` is the key's place in
 * arrival order (1 = the alert that opened the incident); summary and severity are the latest received.
 */
export interface IncidentAlertView {
  position: number;
  /** The first alert of the key. */
  alertId: string;
  dedupKey: string;
  summary: string;
  severity: Severity;
  receivedAt: string;
  /** Alerts of the key after the first. */
  repeatCount: number;
  lastSeenAt: string | null;
  /**
   * What the source said beyond the summary (ADR 0176): `origin`, `integrationName`, `device`, `client`,
   * `clientName`, `source`, `component`, `details`, `links`, `routingRuleId`, and Defend's `defend`
   * (`device`, `threat`, `mitre` [{techniqueId, technique, tacticId, tactic}], `recommendedAction`).
   */
  context?: Record<string, unknown>;
}

export interface IncidentNote {
  noteId: string;
  text: string;
  by: TimelineEntry['actor'];
  at: string;
  /** The incident's version the note was added at (its place on the timeline). */
  version: number;
}

/** Request on `Queries.incident.alerts`, `.timeline` and `.notes`: one page, newest first. */
export interface IncidentPageQuery extends PageQuery {
  incidentId: string;
}

/** How many merged incident ids the detail lists; `mergedIncidentCount` says how many there are. */
export const MERGED_IDS_IN_DETAIL = 100;

/**
 * One incident: its summary and the first page (newest first) of its alerts, notes and timeline. Every
 * part is bounded, whatever the incident holds; the pages go on through `Queries.incident.alerts`,
 * `.notes` and `.timeline` with each page's `nextCursor`.
 */
export interface IncidentDetail {
  incident: IncidentSummary;
  /** How many alert entries (keys) the incident holds; `incident.alertCount` counts their repeats too. */
  alertEntryCount: number;
  alerts: CursorPage<IncidentAlertView>;
  notes: CursorPage<IncidentNote>;
  timeline: CursorPage<TimelineEntry>;
  mergedInto: string | null;
  /** The first MERGED_IDS_IN_DETAIL incidents merged into this one, in the order they were. */
  mergedIncidentIds: string[];
  mergedIncidentCount: number;
  resolutionReason: string | null;
}

/** Request on Commands.incident.merge: fold the source incidents into the target (PagerDuty merge). */
export interface MergeIncidentsCommand {
  targetIncidentId: string;
  sourceIncidentIds: string[];
  by: { kind: 'user'; userId: string };
  at: string;
}
