import type { Instant } from '../instant';
import type { PolicySnapshot } from '../policy-snapshot';
import type { AlertSeverity, UrgencyRule } from '../urgency/urgency-rule.types';

/** The service's timeouts when the incident triggered, in seconds; null = off. */
export interface EscalationTimeouts {
  readonly ackTimeoutSeconds: number | null;
  readonly autoResolveSeconds: number | null;
}

/**
 * An event of the incident's stream. `incidentVersion` is its version there: the engine applies each
 * version once and never one older than the last it applied (redeliveries, late events).
 */
interface FromIncident<Type extends string> {
  readonly type: Type;
  readonly incidentId: string;
  readonly at: Instant;
  readonly incidentVersion: number;
}

/** The incident opened: start walking `policy` (null when its service has none). */
export interface Triggered extends FromIncident<'Triggered'> {
  readonly orgId: string;
  readonly policy: PolicySnapshot | null;
  readonly severity: AlertSeverity;
  readonly urgencyRule: UrgencyRule;
  readonly timeouts: EscalationTimeouts;
}
export type Acknowledged = FromIncident<'Acknowledged'>;
export interface Unacknowledged extends FromIncident<'Unacknowledged'> {
  readonly reason: 'ack-timeout' | 'handed-back' | 'snooze-ended';
}
export type Resolved = FromIncident<'Resolved'>;
export interface ReassignedToLevel extends FromIncident<'ReassignedToLevel'> {
  readonly level: number;
}
export interface ReassignedToUsers extends FromIncident<'ReassignedToUsers'> {
  readonly userIds: readonly string[];
}
/** A person escalated the incident (IncidentEscalated by anyone but the policy itself). */
export interface ManuallyEscalated extends FromIncident<'ManuallyEscalated'> {
  readonly toLevel: number;
}

export type IncidentInput =
  | Triggered
  | Acknowledged
  | Unacknowledged
  | Resolved
  | ReassignedToLevel
  | ReassignedToUsers
  | ManuallyEscalated;

/**
 * A timer the engine asks for. The service stores it as it is (kind = `type`, key = `incidentId`, so a
 * newer timer of a kind replaces the older) and, once `due`, hands it back with the instant it fired.
 */
interface Timer<Type extends string> {
  readonly type: Type;
  readonly incidentId: string;
  readonly due: Instant;
}
/** The delay of the step at (level, cycle) of that generation of the walk has run out. */
export interface StepTimer extends Timer<'StepDue'> {
  readonly level: number;
  readonly cycle: number;
  readonly generation: number;
}
/** Support hours begin: a held low-urgency incident pages now. */
export interface HoldTimer extends Timer<'HoldEnded'> {
  readonly generation: number;
}
/** The acknowledgement made at `acknowledgedAt` has run out. */
export interface AckTimeoutTimer extends Timer<'AckTimeoutDue'> {
  readonly acknowledgedAt: Instant;
}
export type AutoResolveTimer = Timer<'AutoResolveDue'>;

export type EscalationTimer = StepTimer | HoldTimer | AckTimeoutTimer | AutoResolveTimer;
export type EscalationTimerType = EscalationTimer['type'];

/** A timer handed back by the service at `at` (its due instant or later). */
export type TimerFired<T extends EscalationTimer = EscalationTimer> = T & { readonly at: Instant };

export type StepDue = TimerFired<StepTimer>;
export type HoldEnded = TimerFired<HoldTimer>;
export type AckTimeoutDue = TimerFired<AckTimeoutTimer>;
export type AutoResolveDue = TimerFired<AutoResolveTimer>;

export type EscalationInput = IncidentInput | StepDue | HoldEnded | AckTimeoutDue | AutoResolveDue;
export type EscalationInputType = EscalationInput['type'];
export type EscalationInputOf<T extends EscalationInputType> = Extract<EscalationInput, { type: T }>;

const INPUT_SOURCES = {
  Triggered: 'incident',
  Acknowledged: 'incident',
  Unacknowledged: 'incident',
  Resolved: 'incident',
  ReassignedToLevel: 'incident',
  ReassignedToUsers: 'incident',
  ManuallyEscalated: 'incident',
  StepDue: 'timer',
  HoldEnded: 'timer',
  AckTimeoutDue: 'timer',
  AutoResolveDue: 'timer',
} as const satisfies Record<EscalationInputType, 'incident' | 'timer'>;

export const ESCALATION_INPUT_TYPES = Object.freeze(Object.keys(INPUT_SOURCES) as EscalationInputType[]);

export function isIncidentInput(input: EscalationInput): input is IncidentInput {
  return INPUT_SOURCES[input.type] === 'incident';
}
