import type {
  Actor,
  Assignment,
  IncidentAlert,
  Instant,
  ResolutionReason,
  TicketRef,
} from './incident.types';
import type { IncidentOpening } from './incident.opening';

/** No stream yet: every command except TriggerIncident is refused with INCIDENT_NOT_FOUND. */
export interface NoIncident {
  readonly status: 'none';
}

export interface ExistingIncident extends IncidentOpening {
  readonly status: 'triggered' | 'acknowledged' | 'resolved';
  readonly incidentId: string;
  /** The alert that opened the incident; a redelivered trigger carries it again. */
  readonly triggeringAlertId: string;
  /** Every alert on the incident, each alert id once, in arrival order (merged ones included). */
  readonly alerts: readonly IncidentAlert[];
  /** How many AlertAppended events were applied (the triggering and merged alerts are not counted). */
  readonly appendedAlertCount: number;
  readonly assignment: Assignment;
  readonly triggeredAt: Instant;
  /** Current acknowledgement; cleared when the incident goes back to triggered. */
  readonly acknowledgedBy: Actor | null;
  readonly acknowledgedAt: Instant | null;
  /** Set only while acknowledged; the incident returns to triggered when the snooze ends. */
  readonly snoozedUntil: Instant | null;
  readonly ticket: TicketRef | null;
  readonly noteIds: readonly string[];
  readonly notesCount: number;
  /** Incidents absorbed into this one. */
  readonly mergedIncidentIds: readonly string[];
  /** The incident this one was merged into (then resolved with reason 'merged'). */
  readonly mergedInto: string | null;
  readonly resolvedBy: Actor | null;
  readonly resolvedAt: Instant | null;
  readonly resolutionReason: ResolutionReason | null;
  /** When the escalation policy ran out without an acknowledgement; cleared by an acknowledgement. */
  readonly unansweredAt: Instant | null;
}

export type IncidentState = NoIncident | ExistingIncident;

/**
 * The shape of IncidentState as evolve builds it. Bump it whenever that shape changes, so stored
 * snapshots of the old shape are ignored and rebuilt from the events.
 */
export const INCIDENT_STATE_VERSION = 4;

export const initialIncidentState: IncidentState = Object.freeze({ status: 'none' });

export function isSnoozed(state: IncidentState): boolean {
  return state.status === 'acknowledged' && state.snoozedUntil !== null;
}
