import type { IncidentCommand } from '../incident.commands';
import { IncidentValidationError } from '../incident.errors';
import { foldIncident } from '../evolve';
import { alert1, alice, command, GIVEN, OTHER_ORG, refusalOf } from '../testing/incident.fixtures';
import { decide } from './decide';

const { receivedAt: _receivedAt, ...alertInput } = alert1;
const triggeredState = foldIncident(GIVEN.triggered);
const trigger = (overrides: object) =>
  command('TriggerIncident', {
    serviceId: 'svc-1',
    escalationPolicyId: 'ep-1',
    title: 'Disk almost full',
    severity: 'high',
    urgency: 'high',
    alert: alertInput,
    ...overrides,
  });
const unchecked = (value: object) => value as IncidentCommand;

describe('decide: malformed commands are refused with VALIDATION naming the field', () => {
  it.each<[string, IncidentCommand, string]>([
    ['blank incident id', command('AcknowledgeIncident', { incidentId: ' ' }), 'data.incidentId'],
    ['missing org id', command('AcknowledgeIncident', { orgId: '' }), 'data.orgId'],
    ['actor without id', command('AcknowledgeIncident', {}, { kind: 'user', userId: '' }), 'by'],
    ['unknown actor kind', unchecked({ ...command('AcknowledgeIncident', {}), by: { kind: 'robot' } }), 'by'],
    [
      'local time instead of UTC',
      command('AcknowledgeIncident', {}, alice, '2024-05-01T04:00:00+02:00'),
      'at',
    ],
    ['impossible date', command('AcknowledgeIncident', {}, alice, '2024-02-30T25:00:00Z'), 'at'],
    [
      'unknown command type',
      unchecked({ ...command('AcknowledgeIncident', {}), type: 'ReopenIncident' }),
      'type',
    ],
    ['blank title', trigger({ title: '   ' }), 'data.title'],
    ['title too long', trigger({ title: 'x'.repeat(1025) }), 'data.title'],
    ['unknown severity', trigger({ severity: 'major' }), 'data.severity'],
    ['unknown urgency', trigger({ urgency: 'medium' }), 'data.urgency'],
    ['unknown priority', trigger({ priority: 'P0' }), 'data.priority'],
    ['alert without id', trigger({ alert: { ...alertInput, alertId: '' } }), 'data.alert.alertId'],
    [
      'alert with unknown severity',
      trigger({ alert: { ...alertInput, severity: 'sev1' } }),
      'data.alert.severity',
    ],
    [
      'append without dedup key',
      command('AppendAlert', { alert: { ...alertInput, dedupKey: '' } }),
      'data.alert.dedupKey',
    ],
    ['empty note', command('AddNote', { noteId: 'n-1', text: ' \n ' }), 'data.text'],
    [
      'note over 10,000 characters',
      command('AddNote', { noteId: 'n-1', text: 'x'.repeat(10_001) }),
      'data.text',
    ],
    ['note without id', command('AddNote', { noteId: '', text: 'ok' }), 'data.noteId'],
    ['snooze under a minute', command('SnoozeIncident', { durationSeconds: 59 }), 'data.durationSeconds'],
    ['snooze over 7 days', command('SnoozeIncident', { durationSeconds: 604_801 }), 'data.durationSeconds'],
    ['fractional snooze', command('SnoozeIncident', { durationSeconds: 90.5 }), 'data.durationSeconds'],
    [
      'reassign to level 0',
      command('ReassignIncident', { to: { kind: 'escalation-level', level: 0 } }),
      'data.to',
    ],
    ['reassign to nobody', command('ReassignIncident', { to: { kind: 'users', userIds: [] } }), 'data.to'],
    ['escalate from level 0', command('EscalateIncident', { fromLevel: 0, toLevel: 1 }), 'data.fromLevel'],
    ['escalate to level 1.5', command('EscalateIncident', { fromLevel: 1, toLevel: 1.5 }), 'data.toLevel'],
    [
      'unknown unacknowledge reason',
      unchecked(command('UnacknowledgeIncident', { reason: 'bored' as 'handed-back' })),
      'data.reason',
    ],
    [
      'ack timeout without its acknowledgement',
      unchecked(command('UnacknowledgeIncident', { reason: 'ack-timeout', acknowledgedAt: 'yesterday' })),
      'data.acknowledgedAt',
    ],
    ['priority P6', unchecked(command('SetIncidentPriority', { priority: 'P6' as 'P1' })), 'data.priority'],
    [
      'severity fatal',
      unchecked(command('SetIncidentSeverity', { severity: 'fatal' as 'info' })),
      'data.severity',
    ],
    ['ticket without id', command('LinkTicket', { provider: 'autotask', ticketId: '' }), 'data.ticketId'],
    ['ticket without provider', command('LinkTicket', { provider: '', ticketId: 'T1' }), 'data.provider'],
    [
      'merge into itself',
      command('MergeIncidentInto', { targetIncidentId: 'inc-1' }),
      'data.targetIncidentId',
    ],
    [
      'absorb itself',
      command('AbsorbIncident', {
        source: { incidentId: 'inc-1', orgId: 'org-1', status: 'triggered', mergedInto: null, alerts: [] },
      }),
      'data.source.incidentId',
    ],
    [
      'absorb a malformed alert',
      command('AbsorbIncident', {
        source: {
          incidentId: 'inc-2',
          orgId: 'org-1',
          status: 'triggered',
          mergedInto: null,
          alerts: [{ ...alert1, receivedAt: 'soon' }],
        },
      }),
      'data.source.alerts[0].receivedAt',
    ],
  ])('%s', (_name, when, field) => {
    const error = refusalOf(() => decide(when, triggeredState));
    expect(error).toBeInstanceOf(IncidentValidationError);
    expect(error.code).toBe('VALIDATION');
    expect((error as IncidentValidationError).field).toBe(field);
  });

  it('validates before looking at the stream, so a bad command on a missing incident still says what is wrong', () => {
    const error = refusalOf(() => decide(command('AddNote', { noteId: 'n-1', text: '' }), foldIncident([])));
    expect(error.code).toBe('VALIDATION');
  });
});

describe('decide: tenancy and stream checks', () => {
  it('a command from another organization finds no incident (even though the id exists)', () => {
    const error = refusalOf(() =>
      decide(command('AcknowledgeIncident', { orgId: OTHER_ORG }), triggeredState),
    );
    expect(error.code).toBe('INCIDENT_NOT_FOUND');
  });

  it('a trigger from another organization for an existing id is refused, not redelivered', () => {
    const error = refusalOf(() => decide(trigger({ orgId: OTHER_ORG }), triggeredState));
    expect(error.code).toBe('INCIDENT_ALREADY_EXISTS');
  });

  it('a command decided against the wrong stream is a VALIDATION error naming the incident id', () => {
    const error = refusalOf(() =>
      decide(command('AcknowledgeIncident', { incidentId: 'inc-77' }), triggeredState),
    );
    expect(error.code).toBe('VALIDATION');
    expect((error as IncidentValidationError).field).toBe('data.incidentId');
  });

  it('a trigger decided against the wrong stream is a VALIDATION error too', () => {
    const error = refusalOf(() => decide(trigger({ incidentId: 'inc-77' }), triggeredState));
    expect((error as IncidentValidationError).field).toBe('data.incidentId');
  });

  it('accepts UTC instants without milliseconds', () => {
    expect(
      decide(command('AcknowledgeIncident', {}, alice, '2024-05-01T02:30:00Z'), triggeredState),
    ).toHaveLength(1);
  });
});

// isStorableText itself is specified beside it, in libs/shared/text.
describe('storable text in the incident', () => {
  it('refuses a NUL or an unpaired surrogate in a note, like any text the incident keeps', () => {
    const note = (text: string) =>
      refusalOf(() => decide(command('AddNote', { noteId: 'n-1', text }), triggeredState));
    expect(note('a\u0000b')).toMatchObject({ code: 'VALIDATION', field: 'data.text' });
    expect(note('a\ud800b')).toMatchObject({ code: 'VALIDATION', field: 'data.text' });
  });
});
