import type { IncidentCommandV1 } from '../incidents/incident-command.v1';
import type { DefendFacts, Severity } from '../alerts/canonical-alert';
import { toKebabCase } from '../messaging/subjects';

/**
 * What the escalation engine publishes (outbox → ONCALL_ESCALATION): one NotifyRequested per person to page,
 * and the facts of each walk (recorded on the incident's timeline by incident-state, counted by reporting).
 */
export const ESCALATION_EVENT_SCHEMA_VERSION = 1;

export function escalationEventSubject(eventType: string): string {
  return `oncall.evt.escalation.${toKebabCase(eventType)}.v1`;
}

export const NOTIFY_REQUESTED = 'NotifyRequested';

/** The incident as a page describes it (copied from IncidentTriggered and the directory's local copies). */
export interface PagedIncident {
  title: string;
  severity: Severity;
  serviceId: string;
  serviceName: string | null;
  clientName: string | null;
  triggeredAt: string;
  alert: {
    summary: string;
    source: string | null;
    device: string | null;
    details: Record<string, unknown> | null;
    defend: DefendFacts | null;
  };
}

/**
 * Page one person (`kind: 'page'`), or a manager about an unanswered incident (`kind: 'unanswered'`).
 * `pageId` is the engine's idempotency key: incident, walk generation, level, cycle and person; the same
 * request delivered twice must notify once.
 */
export interface NotifyRequested {
  pageId: string;
  kind: 'page' | 'unanswered';
  incidentId: string;
  orgId: string;
  userId: string;
  generation: number;
  level: number | null;
  cycle: number | null;
  /** Why this person, in words: "step 1, on call in Technicians 24/7". */
  reason: string;
  urgency: 'high' | 'low';
  requestedAt: string;
  incident: PagedIncident;
}

/** Facts of an escalation walk, published with their own type on `escalationEventSubject(type)`. */
export const ESCALATION_FACT_TYPES = [
  'EscalationStarted',
  'PagingHeld',
  'PagingReleased',
  'StepFired',
  'StepSkipped',
  'EscalationUnanswered',
  'EscalationStopped',
  'EscalationRestarted',
] as const;
export type EscalationFactType = (typeof ESCALATION_FACT_TYPES)[number];

/** Who a step paged, and why, for the incident's timeline: "Paged Taylor Tech (step 1, on call in ...)". */
export interface StepFired {
  incidentId: string;
  orgId: string;
  at: string;
  generation: number;
  level: number | null;
  cycle: number | null;
  urgency: 'high' | 'low';
  recipients: { userId: string; name: string | null; reason: string }[];
  summary: string;
}

/**
 * A command the engine asks of incident-state (an acknowledgement that timed out, an auto-resolve),
 * written with the decision through the outbox; escalation's own consumer sends it to incident-state,
 * which checks it again (ADR 0141). Not a fact of the timeline.
 */
export const INCIDENT_COMMAND_REQUESTED = 'IncidentCommandRequested';

export interface IncidentCommandRequested {
  incidentId: string;
  orgId: string;
  command: IncidentCommandV1;
}

/** The escalation of one incident as the API shows it (`GET /incidents/{id}/escalation`). */
export interface IncidentEscalationView {
  incidentId: string;
  phase: 'held' | 'escalating' | 'acknowledged' | 'unanswered' | 'users' | 'resolved';
  /** The policy as it was when the incident triggered (null: the service had none). */
  policy: {
    id: string;
    version: number;
    name: string;
    repeatCount: number;
    steps: {
      level: number;
      delayMinutes: number;
      strategy: string;
      targets: { type: string; id: string }[];
    }[];
  } | null;
  urgency: 'high' | 'low';
  generation: number;
  /** The step that fired last in this walk. */
  position: { level: number; cycle: number } | null;
  /** While held (low urgency outside support hours): when it will page. */
  heldUntil: string | null;
  acknowledgedAt: string | null;
  assignedUserIds: string[] | null;
}
