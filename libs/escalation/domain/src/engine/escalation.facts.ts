import type { EscalationTarget } from '../escalation-policy.types';
import type { Instant } from '../instant';
import type { PolicySnapshot } from '../policy-snapshot';
import type { AlertSeverity, Urgency, UrgencyRule } from '../urgency/urgency-rule.types';
import type { EscalationTimeouts, Unacknowledged } from './escalation.inputs';

/**
 * Every fact names its walk: `generation` is 1 when the incident triggers and grows by one each time the
 * walk restarts (unacknowledged, reassigned, escalated by a person).
 */
interface Fact<Type extends string> {
  readonly type: Type;
  readonly incidentId: string;
  readonly orgId: string;
  readonly at: Instant;
  readonly generation: number;
}

/** The walk begins on the policy as it is now (the snapshot the incident shows). */
export interface EscalationStarted extends Fact<'EscalationStarted'> {
  readonly incidentVersion: number;
  readonly policy: PolicySnapshot | null;
  readonly severity: AlertSeverity;
  readonly urgencyRule: UrgencyRule;
  readonly urgency: Urgency;
  readonly timeouts: EscalationTimeouts;
}

/** Low urgency outside support hours: the first page waits until `until` (the incident shows when). */
export interface PagingHeld extends Fact<'PagingHeld'> {
  readonly until: Instant;
}

/** Support hours began: the held incident pages now, at the urgency the rule gives it then. */
export interface PagingReleased extends Fact<'PagingReleased'> {
  readonly urgency: Urgency;
}

/** The step reached nobody (a gap, a deleted schedule or team, deactivated users): the next one fires at once. */
export interface StepSkipped extends Fact<'StepSkipped'> {
  readonly level: number;
  readonly cycle: number;
  readonly unresolved: readonly EscalationTarget[];
}

/** The last step of the last cycle ran out (or nothing could page): nobody answered; managers are paged. */
export interface EscalationUnanswered extends Fact<'EscalationUnanswered'> {
  readonly cycles: number;
}

/** Acknowledged: nothing escalates until the incident is triggered again. */
export interface EscalationStopped extends Fact<'EscalationStopped'> {
  readonly incidentVersion: number;
  readonly reason: 'acknowledged';
}

/** Where a restarted walk begins: a step of the policy, or the users the incident is assigned to. */
export type RestartPoint =
  | { readonly kind: 'step'; readonly level: number; readonly cycle: number }
  | { readonly kind: 'users'; readonly userIds: readonly string[] };

/** A new walk begins (the incident is triggered again, reassigned, or escalated by a person). */
export interface EscalationRestarted extends Fact<'EscalationRestarted'> {
  readonly incidentVersion: number;
  readonly cause: Unacknowledged['reason'] | 'reassigned' | 'escalated';
  readonly from: RestartPoint;
}

export type EscalationFact =
  | EscalationStarted
  | PagingHeld
  | PagingReleased
  | StepSkipped
  | EscalationUnanswered
  | EscalationStopped
  | EscalationRestarted;

export type EscalationFactType = EscalationFact['type'];
