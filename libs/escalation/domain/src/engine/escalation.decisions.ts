import type { Instant } from '../instant';
import type { StepRecipient } from '../targets/resolve-step-targets';
import type { Urgency } from '../urgency/urgency-rule.types';
import type { EscalationFact } from './escalation.facts';
import type { EscalationTimer, EscalationTimerType } from './escalation.inputs';

/** One person to notify; `idempotencyKey` is the same however often the decision is performed. */
export interface PageRecipient extends StepRecipient {
  readonly idempotencyKey: string;
}

/**
 * Notify these people (one NotifyRequested each) and put "paged" on the timeline. `level` and `cycle`
 * are null when the incident is assigned to users directly (no policy step).
 */
export interface PageDecision {
  readonly kind: 'page';
  readonly incidentId: string;
  readonly orgId: string;
  readonly generation: number;
  readonly level: number | null;
  readonly cycle: number | null;
  readonly urgency: Urgency;
  readonly at: Instant;
  readonly recipients: readonly PageRecipient[];
}

/** Publish the fact (the incident's timeline records it). */
export interface RecordDecision {
  readonly kind: 'record';
  readonly fact: EscalationFact;
}

/** Store the timer; it replaces any timer of the same type for the incident. */
export interface ScheduleDecision {
  readonly kind: 'schedule';
  readonly timer: EscalationTimer;
}

/** Delete the incident's timer of this type, if any. */
export interface CancelDecision {
  readonly kind: 'cancel';
  readonly incidentId: string;
  readonly timer: EscalationTimerType;
}

/** Commands for incident-state (it re-checks them: a late one changes nothing). */
export type EscalationCommand =
  | {
      readonly type: 'UnacknowledgeIncident';
      readonly incidentId: string;
      readonly orgId: string;
      readonly at: Instant;
      readonly reason: 'ack-timeout';
      readonly acknowledgedAt: Instant;
    }
  | {
      readonly type: 'ResolveIncident';
      readonly incidentId: string;
      readonly orgId: string;
      readonly at: Instant;
      readonly reason: 'auto-resolve';
    };

export interface CommandDecision {
  readonly kind: 'command';
  readonly command: EscalationCommand;
}

/** Page the organization's managers (the service knows who they are). */
export interface NotifyManagersDecision {
  readonly kind: 'notify-managers';
  readonly incidentId: string;
  readonly orgId: string;
  readonly generation: number;
  readonly at: Instant;
  readonly reason: 'unanswered';
}

/**
 * A round-robin step used rotation `offset` for this incident: store `offset + 1` for (policy, level) so
 * the next incident reaching that step starts one target further.
 */
export interface AdvanceRoundRobinDecision {
  readonly kind: 'advance-round-robin';
  readonly incidentId: string;
  readonly policyId: string;
  readonly level: number;
  readonly offset: number;
}

/** The incident is resolved: delete its timers; nothing will be due again. Keep the state (a tombstone). */
export interface CompleteDecision {
  readonly kind: 'complete';
  readonly incidentId: string;
  readonly at: Instant;
}

export type EscalationDecision =
  | PageDecision
  | RecordDecision
  | ScheduleDecision
  | CancelDecision
  | CommandDecision
  | NotifyManagersDecision
  | AdvanceRoundRobinDecision
  | CompleteDecision;
