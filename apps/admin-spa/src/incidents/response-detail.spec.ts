import type { TimelineEntry } from '../api/types';
import { responseDetail } from './response-detail';

const entry = (type: string, detail: Record<string, unknown>): TimelineEntry => ({
  version: 3,
  at: '2026-12-06T10:00:00.000Z',
  type,
  actor: null,
  detail,
});
const names = new Map([['u-1', 'Taylor Tech']]);
const when = (iso: string) => `at ${iso}`;

describe('responseDetail', () => {
  it.each<[TimelineEntry, string | null]>([
    [
      entry('IncidentReassigned', { to: { kind: 'users', userIds: ['u-1', 'u-9'] } }),
      'To Taylor Tech, someone',
    ],
    [entry('IncidentReassigned', { to: { kind: 'escalation-level', level: 2 } }), 'To escalation level 2'],
    [entry('IncidentReassigned', { to: null }), null],
    [
      entry('IncidentSnoozed', { snoozedUntil: '2026-12-06T11:00:00.000Z' }),
      'Until at 2026-12-06T11:00:00.000Z',
    ],
    [entry('NoteAdded', { text: 'x' }), null],
  ])('%#: %s', (given, line) => {
    expect(responseDetail(given, names, when)).toBe(line);
  });
});
