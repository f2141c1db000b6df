// Test data for the incident specs. Builders only fill in defaults; they never compute what decide would.
import type { IncidentCommandOf, IncidentCommandType } from '../incident.commands';
import type { IncidentDomainError } from '../incident.errors';
import { isIncidentDomainError } from '../incident.errors';
import type { IncidentEvent, IncidentEventOf, IncidentEventType } from '../incident.events';
import type { IncidentOpening } from '../incident.opening';
import { NOTHING_RECORDED_YET } from '../incident.opening';
import type { ExistingIncident } from '../incident.state';
import type { Actor, IncidentAlert } from '../incident.types';

export const INCIDENT = 'inc-1';
export const ORG = 'org-1';
export const OTHER_ORG = 'org-2';
export const SOURCE = 'inc-2';
export const TARGET = 'inc-9';

export const T = {
  triggered: '2024-05-01T02:00:00.000Z',
  acknowledged: '2024-05-01T02:05:00.000Z',
  snoozed: '2024-05-01T02:10:00.000Z',
  resolved: '2024-05-01T02:20:00.000Z',
  now: '2024-05-01T02:30:00.000Z',
  snoozeEnds: '2024-05-01T03:10:00.000Z',
} as const;

export const alice: Actor = { kind: 'user', userId: 'alice' };
export const bob: Actor = { kind: 'user', userId: 'bob' };
export const monitor: Actor = { kind: 'integration', integrationId: 'rmm-1' };
export const ackTimer: Actor = { kind: 'system', reason: 'ack-timeout' };
export const snoozeTimer: Actor = { kind: 'system', reason: 'snooze-ended' };
export const policy: Actor = { kind: 'system', reason: 'escalation-policy' };
export const autoResolver: Actor = { kind: 'system', reason: 'auto-resolve' };

export const alert1: IncidentAlert = {
  alertId: 'alert-1',
  dedupKey: 'disk-full:srv-01',
  summary: 'Disk C: 95% full on SRV-01',
  severity: 'high',
  receivedAt: T.triggered,
};

export const alert2: IncidentAlert = {
  alertId: 'alert-2',
  dedupKey: 'disk-full:srv-02',
  summary: 'Disk C: 99% full on SRV-01',
  severity: 'critical',
  receivedAt: T.now,
};

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event for INCIDENT (unless `data.incidentId` says otherwise), schema version 1. */
export function event<K extends IncidentEventType>(
  type: K,
  data: DistributiveOmit<IncidentEventOf<K>['data'], 'incidentId'> & { incidentId?: string },
): IncidentEventOf<K> {
  return { type, schemaVersion: 1, data: { incidentId: INCIDENT, ...data } } as unknown as IncidentEventOf<K>;
}

/** A command for INCIDENT in ORG, by alice, at T.now unless told otherwise. */
export function command<K extends IncidentCommandType>(
  type: K,
  data: DistributiveOmit<IncidentCommandOf<K>['data'], 'incidentId' | 'orgId'> & {
    incidentId?: string;
    orgId?: string;
  },
  by: Actor = alice,
  at: string = T.now,
): IncidentCommandOf<K> {
  return {
    type,
    data: { incidentId: INCIDENT, orgId: ORG, ...data },
    by,
    at,
  } as unknown as IncidentCommandOf<K>;
}

/** What `triggered` opens INCIDENT with. */
const opening: IncidentOpening = {
  orgId: ORG,
  serviceId: 'svc-1',
  escalationPolicyId: 'ep-1',
  title: 'Disk almost full on SRV-01',
  severity: 'high',
  urgency: 'high',
  priority: null,
};

export const triggered = event('IncidentTriggered', {
  by: monitor,
  at: T.triggered,
  ...opening,
  alert: alert1,
});

export const acknowledgedByAlice = event('IncidentAcknowledged', { by: alice, at: T.acknowledged });

export const snoozedOneHour = event('IncidentSnoozed', {
  by: alice,
  at: T.snoozed,
  durationSeconds: 3600,
  snoozedUntil: T.snoozeEnds,
});

export const resolvedByAlice = event('IncidentResolved', {
  by: alice,
  at: T.resolved,
  reason: 'manual',
  mergedInto: null,
});

/** The state IncidentTriggered (`triggered`) opens: its opening facts and alert, and nothing recorded yet (checked in incident.opening.spec). */
export const STATE_AFTER_TRIGGER: ExistingIncident = {
  status: 'triggered',
  incidentId: 'inc-1',
  ...opening,
  triggeringAlertId: 'alert-1',
  alerts: [alert1],
  appendedAlertCount: 0,
  assignment: { kind: 'escalation-level', level: 1 },
  triggeredAt: T.triggered,
  ...NOTHING_RECORDED_YET,
};

export const STATUSES = ['none', 'triggered', 'acknowledged', 'snoozed', 'resolved'] as const;
export type Status = (typeof STATUSES)[number];
/** The statuses of an incident that exists, and of one still open. */
export const EXISTING_STATUSES = ['triggered', 'acknowledged', 'snoozed', 'resolved'] as const;
export const OPEN_STATUSES = ['triggered', 'acknowledged', 'snoozed'] as const;

/** The history that puts INCIDENT in each status. */
export const GIVEN: Record<Status, readonly IncidentEvent[]> = {
  none: [],
  triggered: [triggered],
  acknowledged: [triggered, acknowledgedByAlice],
  snoozed: [triggered, acknowledgedByAlice, snoozedOneHour],
  resolved: [triggered, acknowledgedByAlice, resolvedByAlice],
};

export function refusalOf(run: () => unknown): IncidentDomainError {
  try {
    run();
  } catch (error: unknown) {
    if (isIncidentDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal, but the command was accepted');
}
