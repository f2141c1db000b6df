import type { IncidentEvent } from './incident.events';
import type { ExistingIncident } from './incident.state';
import { initialIncidentState } from './incident.state';
import { foldIncident } from './evolve';
import {
  acknowledgedByAlice,
  ackTimer,
  alert1,
  alert2,
  bob,
  event,
  monitor,
  snoozedOneHour,
  T,
  STATE_AFTER_TRIGGER,
  triggered,
} from './testing/incident.fixtures';

const carol = { kind: 'user', userId: 'carol' } as const;
const psa = { kind: 'system', reason: 'psa-sync' } as const;
const alert7 = { ...alert2, alertId: 'alert-7', dedupKey: 'ping:srv-01' };
const ticket = { provider: 'connectwise', ticketId: '4711', url: null };

const fullHistory: IncidentEvent[] = [
  triggered,
  event('AlertAppended', { by: monitor, at: T.acknowledged, alert: alert2 }),
  acknowledgedByAlice,
  snoozedOneHour,
  event('IncidentAcknowledged', { by: bob, at: T.resolved }),
  event('NoteAdded', { by: bob, at: T.resolved, noteId: 'note-1', text: 'Looking into it' }),
  event('IncidentPriorityChanged', { by: bob, at: T.resolved, from: null, to: 'P2' }),
  event('IncidentSeverityChanged', { by: bob, at: T.resolved, from: 'high', to: 'critical' }),
  event('TicketLinked', { by: psa, at: T.resolved, ticket }),
  event('IncidentUnacknowledged', { by: ackTimer, at: T.now, reason: 'ack-timeout' }),
  event('IncidentEscalated', { by: carol, at: T.now, escalationPolicyId: 'ep-1', fromLevel: 1, toLevel: 2 }),
  event('IncidentReassigned', {
    by: carol,
    at: T.now,
    from: { kind: 'escalation-level', level: 2 },
    to: { kind: 'users', userIds: ['carol'] },
  }),
  event('IncidentMerged', { by: carol, at: T.now, sourceIncidentId: 'inc-2', alerts: [alert7] }),
  event('IncidentAcknowledged', { by: carol, at: T.now }),
  event('NoteAdded', { by: carol, at: T.snoozeEnds, noteId: 'note-2', text: 'Freed 40 GB' }),
  event('IncidentResolved', { by: carol, at: T.snoozeEnds, reason: 'manual', mergedInto: null }),
];

describe('foldIncident', () => {
  it('no events: no incident', () => {
    expect(foldIncident([])).toEqual({ status: 'none' });
    expect(foldIncident([])).toBe(initialIncidentState);
  });

  it('IncidentTriggered opens the incident at level 1 of its policy', () => {
    expect(foldIncident([triggered])).toEqual(STATE_AFTER_TRIGGER);
  });

  it('a full history gives the expected state', () => {
    expect(foldIncident(fullHistory)).toEqual<ExistingIncident>({
      ...STATE_AFTER_TRIGGER,
      status: 'resolved',
      severity: 'critical',
      priority: 'P2',
      alerts: [alert1, alert2, alert7],
      appendedAlertCount: 1,
      assignment: { kind: 'users', userIds: ['carol'] },
      acknowledgedBy: carol,
      acknowledgedAt: T.now,
      snoozedUntil: null,
      ticket,
      noteIds: ['note-1', 'note-2'],
      notesCount: 2,
      mergedIncidentIds: ['inc-2'],
      resolvedBy: carol,
      resolvedAt: T.snoozeEnds,
      resolutionReason: 'manual',
    });
  });

  it('continues from a snapshot', () => {
    const snapshot = foldIncident(fullHistory.slice(0, 6));
    expect(foldIncident(fullHistory.slice(6), snapshot)).toEqual(foldIncident(fullHistory));
  });
});
