import type { TimelineEntry } from '../api/types';
import { actorLabel, entryLabel, eventLabel, timelineDetail } from './labels';

const entry = (type: string, detail: Record<string, unknown>): TimelineEntry => ({
  version: 1,
  at: '2026-03-12T12:00:00Z',
  type,
  actor: null,
  detail,
});

describe('timeline labels', () => {
  it.each([
    ['IncidentTriggered', 'Triggered'],
    ['IncidentAcknowledged', 'Acknowledged'],
    ['NoteAdded', 'Note added'],
    ['AlertAppended', 'Alert appended'],
    ['IncidentSeverityChanged', 'Severity changed'],
    ['Incident', 'Incident'],
  ])('names %s "%s"', (type, label) => {
    expect(eventLabel(type)).toBe(label);
  });

  it('heads another context’s fact by what it is: a page’s delivery, an escalation step, the PSA ticket', () => {
    const summary = 'Email to t***@example.com delivered (attempt 1, 230 ms)';
    expect(entryLabel(entry('ActivityRecorded', { source: 'notification', summary }))).toBe('Page delivery');
    expect(entryLabel(entry('ActivityRecorded', { source: 'escalation', summary: 'Step 1' }))).toBe(
      'Escalation',
    );
    expect(entryLabel(entry('ActivityRecorded', { source: 'psa', summary: 'PSA ticket pending' }))).toBe(
      'PSA ticket',
    );
    expect(entryLabel(entry('ActivityRecorded', { source: 'other' }))).toBe('Activity recorded');
    expect(entryLabel(entry('NoteAdded', { source: 'psa' }))).toBe('Note added');
  });

  it('names people from the directory, and machines by kind', () => {
    const names = new Map([['u-1', 'Taylor Tech']]);
    expect(actorLabel({ kind: 'user', userId: 'u-1' }, names)).toBe('Taylor Tech');
    expect(actorLabel({ kind: 'user', userId: '5e7a1c2e-0d1f' }, names)).toBe('User 5e7a1c2e');
    expect(actorLabel({ kind: 'integration', integrationId: 'i-1' }, names)).toBe('Integration');
    expect(actorLabel({ kind: 'system', reason: 'ack-timeout' }, names)).toBe('System (ack timeout)');
    expect(actorLabel(null, names)).toBe('System');
  });

  it('picks the line worth showing: a note’s text, an alert’s summary, a level', () => {
    expect(timelineDetail(entry('NoteAdded', { noteId: 'n', text: 'Rebooted FS01' }))).toBe('Rebooted FS01');
    expect(timelineDetail(entry('AlertAppended', { alert: { summary: 'Disk full' } }))).toBe('Disk full');
    expect(timelineDetail(entry('IncidentEscalated', { fromLevel: 1, toLevel: 2 }))).toBe('Level 2');
    expect(timelineDetail(entry('IncidentAcknowledged', {}))).toBeNull();
  });

  it('says where a person acted from when the event records it', () => {
    expect(timelineDetail(entry('IncidentAcknowledged', { via: 'email' }))).toBe('from email');
    expect(
      timelineDetail(entry('IncidentResolved', { reason: 'manual', mergedInto: null, via: 'email' })),
    ).toBe('manual, from email');
  });
});
