import type { Instant } from '../instant';
import type { PolicySnapshot } from '../policy-snapshot';
import type { AlertSeverity, Urgency, UrgencyRule } from '../urgency/urgency-rule.types';
import type { EscalationTimeouts } from './escalation.inputs';

/**
 * - held: low urgency outside support hours, waiting for them to begin
 * - escalating: triggered, walking the policy (a step timer is due when the urgency is high)
 * - acknowledged: stopped until triggered again
 * - unanswered: triggered, every step of every cycle ran out; nothing is due
 * - users: triggered, assigned to users directly (no policy)
 * - resolved: final
 */
export type EscalationPhase = 'held' | 'escalating' | 'acknowledged' | 'unanswered' | 'users' | 'resolved';

export interface Position {
  readonly level: number;
  readonly cycle: number;
}

export interface EscalationProcess {
  readonly phase: EscalationPhase;
  readonly incidentId: string;
  readonly orgId: string;
  readonly policy: PolicySnapshot | null;
  readonly severity: AlertSeverity;
  readonly urgencyRule: UrgencyRule;
  readonly urgency: Urgency;
  readonly timeouts: EscalationTimeouts;
  readonly generation: number;
  /** The step that fired or was skipped last in this generation. */
  readonly position: Position | null;
  /** Set while the incident is assigned to users directly. */
  readonly assignedUserIds: readonly string[] | null;
  readonly heldUntil: Instant | null;
  readonly acknowledgedAt: Instant | null;
  /** The rotation offset each round-robin step (by level) uses for this incident. */
  readonly roundRobinOffsets: Readonly<Record<number, number>>;
  readonly lastIncidentVersion: number;
}

export type EscalationState = { readonly phase: 'none' } | EscalationProcess;

export const initialEscalationState: EscalationState = Object.freeze({ phase: 'none' });
