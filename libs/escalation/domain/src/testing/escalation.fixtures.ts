// Test data for the escalation engine specs. Builders only fill in defaults; they never compute what decide would.
import type { EscalationTarget } from '../escalation-policy.types';
import type { Instant } from '../instant';
import { snapshotPolicy, type PolicySnapshot } from '../policy-snapshot';
import type { EscalationContext } from '../engine/escalation.context';
import type { EscalationInput, EscalationInputOf, Triggered } from '../engine/escalation.inputs';
import { initialEscalationState, type EscalationState } from '../engine/escalation.state';
import { decide } from '../engine/decide';
import { evolve } from '../engine/evolve';
import type { SupportHoursUrgencyRule } from '../urgency/urgency-rule.types';
import { fakeTargetLookup } from './fake-target-lookup';

export const INCIDENT = 'inc-1';
export const ORG = 'org-1';
/** Wednesday 1 May 2024, 04:00 in Amsterdam: outside business hours. */
export const T0 = '2024-05-01T02:00:00.000Z';

/** T0 plus `minutes`. */
export const t = (minutes: number): Instant => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** A step's target: a schedule, a team or a user, by id. */
export const schedule = (id: string): EscalationTarget => ({ type: 'schedule', id });
export const team = (id: string): EscalationTarget => ({ type: 'team', id });
export const user = (id: string): EscalationTarget => ({ type: 'user', id });

/** POLICY's steps: `first` for 5 min → team Network (bob, carol) for 10 → `last` for 15. */
const stepsAround = (first: EscalationTarget, last: EscalationTarget) => [
  { delayMinutes: 5, targets: [first] },
  { delayMinutes: 10, targets: [team('network')] },
  { delayMinutes: 15, targets: [last] },
];

/** Technicians 24/7 (alice) for 5 min → team Network (bob, carol) for 10 → dave for 15; once more. */
export const POLICY: PolicySnapshot = snapshotPolicy({
  id: 'ep-1',
  version: 4,
  name: 'Servers 24/7',
  repeatCount: 1,
  steps: stepsAround(schedule('technicians'), user('dave')),
});

/** The same policy with a gap in the first step's schedule and a deactivated user on the last step. */
export const POLICY_WITH_GAPS: PolicySnapshot = snapshotPolicy({
  ...POLICY,
  steps: stepsAround(schedule('weekdays'), user('leaver')),
});

export const NOBODY_POLICY: PolicySnapshot = snapshotPolicy({
  ...POLICY,
  steps: [
    { delayMinutes: 5, targets: [schedule('weekdays')] },
    { delayMinutes: 5, targets: [user('leaver')] },
  ],
});

export const ROUND_ROBIN_POLICY: PolicySnapshot = snapshotPolicy({
  ...POLICY,
  id: 'ep-rr',
  steps: [
    { delayMinutes: 5, targets: [user('alice'), user('bob'), user('carol')], strategy: 'round-robin' },
    { delayMinutes: 10, targets: [user('dave')] },
  ],
});

export const BUSINESS_HOURS: SupportHoursUrgencyRule = {
  kind: 'support-hours',
  timeZone: 'Europe/Amsterdam',
  days: [1, 2, 3, 4, 5],
  start: '08:00',
  end: '18:00',
  during: 'high',
  outside: 'low',
};

export const lookup = fakeTargetLookup({
  activeUsers: ['alice', 'bob', 'carol', 'dave', 'erin'],
  teams: { network: { name: 'Network', members: ['bob', 'carol'] } },
  schedules: {
    technicians: {
      name: 'Technicians 24/7',
      shifts: [{ from: '2024-01-01T00:00:00.000Z', userIds: ['alice'] }],
    },
    weekdays: { name: 'Weekdays', shifts: [{ from: T0, userIds: [] }] },
  },
});

/** Round-robin offsets as the service would store them, by `${policyId}:${level}`. */
export function contextWith(offsets: Record<string, number> = {}): EscalationContext {
  return { lookup, roundRobinOffset: (policyId, level) => offsets[`${policyId}:${level}`] ?? 0 };
}
export const context = contextWith({ 'ep-rr:1': 1 });

type Fields<K extends EscalationInput['type']> = Partial<Omit<EscalationInputOf<K>, 'type'>>;

/** High urgency, POLICY, a 30-minute acknowledgement timeout, no auto-resolve, at T0. */
export const triggered = (fields: Fields<'Triggered'> = {}): Triggered => ({
  type: 'Triggered',
  incidentId: INCIDENT,
  orgId: ORG,
  at: T0,
  incidentVersion: 1,
  policy: POLICY,
  severity: 'critical',
  urgencyRule: { kind: 'constant', urgency: 'high' },
  timeouts: { ackTimeoutSeconds: 1800, autoResolveSeconds: null },
  ...fields,
});
export const heldTrigger = triggered({ urgencyRule: BUSINESS_HOURS, severity: 'warning' });

const fromIncident = <K extends EscalationInput['type']>(
  type: K,
  minute: number,
  version: number,
  fields: object,
) =>
  ({
    type,
    incidentId: INCIDENT,
    at: t(minute),
    incidentVersion: version,
    ...fields,
  }) as EscalationInputOf<K>;

export const acknowledged = (minute: number, version: number) =>
  fromIncident('Acknowledged', minute, version, {});
export const resolved = (minute: number, version: number) => fromIncident('Resolved', minute, version, {});
export const unacknowledged = (
  reason: 'ack-timeout' | 'handed-back' | 'snooze-ended',
  minute: number,
  version: number,
) => fromIncident('Unacknowledged', minute, version, { reason });
export const reassignedToLevel = (level: number, minute: number, version: number) =>
  fromIncident('ReassignedToLevel', minute, version, { level });
export const reassignedToUsers = (userIds: string[], minute: number, version: number) =>
  fromIncident('ReassignedToUsers', minute, version, { userIds });
export const manuallyEscalated = (toLevel: number, minute: number, version: number) =>
  fromIncident('ManuallyEscalated', minute, version, { toLevel });

/** The timer of step (level, cycle), fired at its due minute unless `firedAt` says later. */
export const stepDue = (
  level: number,
  cycle: number,
  dueMinute: number,
  generation = 1,
  firedAt = dueMinute,
) =>
  ({
    type: 'StepDue',
    incidentId: INCIDENT,
    level,
    cycle,
    generation,
    due: t(dueMinute),
    at: t(firedAt),
  }) as const;
export const holdEnded = (dueMinute: number, generation = 1) =>
  ({ type: 'HoldEnded', incidentId: INCIDENT, generation, due: t(dueMinute), at: t(dueMinute) }) as const;
export const ackTimeoutDue = (acknowledgedMinute: number, dueMinute: number) =>
  ({
    type: 'AckTimeoutDue',
    incidentId: INCIDENT,
    acknowledgedAt: t(acknowledgedMinute),
    due: t(dueMinute),
    at: t(dueMinute),
  }) as const;
export const autoResolveDue = (dueMinute: number) =>
  ({ type: 'AutoResolveDue', incidentId: INCIDENT, due: t(dueMinute), at: t(dueMinute) }) as const;

/** Every step of POLICY runs out, twice: unanswered at +60. */
export const ALL_STEPS_RUN_OUT = [
  stepDue(1, 1, 5),
  stepDue(2, 1, 15),
  stepDue(3, 1, 30),
  stepDue(1, 2, 35),
  stepDue(2, 2, 45),
  stepDue(3, 2, 60),
];

/** The state after deciding each input in turn (and folding the decisions). */
export function replay(
  inputs: readonly EscalationInput[],
  with_: EscalationContext = context,
): EscalationState {
  return inputs.reduce(
    (state, input) => decide(input, state, with_).reduce(evolve, state),
    initialEscalationState,
  );
}
