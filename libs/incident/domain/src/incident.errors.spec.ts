import type { IncidentCommand } from './incident.commands';
import type { IncidentEvent } from './incident.events';
import { IncidentDomainError, INCIDENT_ERROR_CODES, isIncidentDomainError } from './incident.errors';
import { decide } from './decide';
import { foldIncident } from './evolve';
import { bob, command, event, GIVEN, refusalOf, T, triggered } from './testing/incident.fixtures';

const { receivedAt: _receivedAt, ...otherAlert } = { ...triggered.data.alert, alertId: 'alert-9' };
const escalatedToThree = event('IncidentEscalated', {
  by: bob,
  at: T.acknowledged,
  escalationPolicyId: 'ep-1',
  fromLevel: 1,
  toLevel: 3,
});
const linked = event('TicketLinked', {
  by: bob,
  at: T.now,
  ticket: { provider: 'connectwise', ticketId: '4711', url: null },
});
const openSource = {
  incidentId: 'inc-2',
  orgId: 'org-1',
  status: 'triggered',
  mergedInto: null,
  alerts: [],
} as const;

describe('refusals say what happened and what to do', () => {
  it.each<[string, readonly IncidentEvent[], IncidentCommand, string]>([
    [
      'INCIDENT_NOT_FOUND',
      GIVEN.none,
      command('AcknowledgeIncident', {}),
      'Incident inc-1 was not found in this organization.',
    ],
    [
      'INCIDENT_ALREADY_EXISTS',
      GIVEN.triggered,
      command('TriggerIncident', { ...triggered.data, alert: otherAlert }),
      'Incident inc-1 already exists (opened by alert alert-1); append alert alert-9 to it or trigger it under a new incident id.',
    ],
    [
      'INCIDENT_RESOLVED',
      GIVEN.resolved,
      command('AcknowledgeIncident', {}),
      'Incident inc-1 is already resolved; it cannot be acknowledged.',
    ],
    [
      'INCIDENT_RESOLVED (late alert)',
      GIVEN.resolved,
      command('AppendAlert', { alert: otherAlert }),
      'Incident inc-1 is already resolved; it cannot take new alerts. Trigger a new incident for alert alert-9.',
    ],
    [
      'INVALID_TRANSITION',
      GIVEN.triggered,
      command('SnoozeIncident', { durationSeconds: 3600 }),
      'Incident inc-1 is not acknowledged; acknowledge it before snoozing it.',
    ],
    [
      'MERGE_INTO_RESOLVED',
      GIVEN.resolved,
      command('AbsorbIncident', { source: openSource }),
      'Incident inc-2 cannot be merged into incident inc-1 because inc-1 is resolved; merge it into an open incident instead.',
    ],
    [
      'TICKET_ALREADY_LINKED',
      [...GIVEN.triggered, linked],
      command('LinkTicket', { provider: 'connectwise', ticketId: '4712' }),
      'Incident inc-1 is already linked to ticket connectwise #4711; it cannot also be linked to connectwise #4712. ' +
        'Unlink is not supported: close the duplicate ticket in the PSA.',
    ],
    [
      'STALE_ESCALATION',
      [...GIVEN.triggered, escalatedToThree],
      command('EscalateIncident', { fromLevel: 1, toLevel: 2 }),
      'Incident inc-1 has moved to escalation level 3 since you saw level 1; it was not escalated again. ' +
        'Refresh and escalate from level 3 if still needed.',
    ],
    [
      'VALIDATION',
      GIVEN.triggered,
      command('AddNote', { noteId: 'n-1', text: '' }),
      'Invalid data.text for incident inc-1: must be non-empty text of at most 10000 characters, without NUL or unpaired surrogates.',
    ],
  ])('%s', (code, given, when, message) => {
    const error = refusalOf(() => decide(when, foldIncident(given)));
    expect(error.code).toBe(code.split(' ')[0]);
    expect(error.message).toBe(message);
  });

  it('every code is a typed IncidentDomainError that names its class and incident', () => {
    const error = refusalOf(() => decide(command('AcknowledgeIncident', {}), foldIncident(GIVEN.resolved)));
    expect(error).toBeInstanceOf(IncidentDomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('IncidentResolvedError');
    expect(error.incidentId).toBe('inc-1');
    expect(INCIDENT_ERROR_CODES).toContain(error.code);
  });

  it('isIncidentDomainError tells domain refusals from other failures', () => {
    expect(isIncidentDomainError(new Error('boom'))).toBe(false);
    expect(isIncidentDomainError('INCIDENT_RESOLVED')).toBe(false);
    expect(
      isIncidentDomainError(refusalOf(() => decide(command('ResolveIncident', {}), foldIncident([])))),
    ).toBe(true);
  });
});
