import type { IncidentCommand, IncidentCommandType } from '../../incident.commands';
import type { IncidentEvent } from '../../incident.events';
import {
  type DecideMatrix,
  type Case,
  emits,
  inEachStatus,
  nothing,
  refused,
} from '../../testing/decide-matrix';
import type { Status } from '../../testing/incident.fixtures';
import { bob, command, event, GIVEN, T, EXISTING_STATUSES } from '../../testing/incident.fixtures';

const note = (noteId = 'note-1') =>
  command('AddNote', { noteId, text: 'Cleared temp files; 60% free now.' }, bob);
const noteAdded = (at: string = T.now) =>
  event('NoteAdded', { by: bob, at, noteId: 'note-1', text: 'Cleared temp files; 60% free now.' });
const noteCases = (status: Status): Case[] => [
  { name: 'adds the note', when: note(), then: emits(noteAdded()) },
  {
    name: 'a redelivered note (same id) changes nothing',
    given: [...GIVEN[status], noteAdded(T.resolved)],
    when: note(),
    then: nothing,
  },
];

const priority = (value: 'P1' | 'P2' | null) => command('SetIncidentPriority', { priority: value }, bob);
const prioritised = event('IncidentPriorityChanged', { by: bob, at: T.now, from: null, to: 'P2' });

const severity = (value: 'critical' | 'high') => command('SetIncidentSeverity', { severity: value }, bob);
const severityChanged = event('IncidentSeverityChanged', {
  by: bob,
  at: T.now,
  from: 'high',
  to: 'critical',
});

/**
 * A field set on an incident: `change` emits `changed` while it is open (its case named `changeName`);
 * `unchanged` emits nothing, even once resolved, when a change is refused; no incident, no change.
 */
const settingRow = (
  changeName: string,
  change: IncidentCommand,
  unchanged: IncidentCommand,
  changed: IncidentEvent,
): DecideMatrix[IncidentCommandType] => {
  const open: Case[] = [
    { name: changeName, when: change, then: emits(changed) },
    { name: 'unchanged: no event', when: unchanged, then: nothing },
  ];
  return {
    none: [{ name: 'refused', when: change, then: refused('INCIDENT_NOT_FOUND') }],
    triggered: open,
    acknowledged: open,
    snoozed: open,
    resolved: [
      { name: 'a change is refused', when: change, then: refused('INCIDENT_RESOLVED') },
      { name: 'unchanged: no event (not an error)', when: unchanged, then: nothing },
    ],
  };
};

const psa = { kind: 'system', reason: 'psa-sync' } as const;
const link = (ticketId = 'CW-4711') =>
  command('LinkTicket', { provider: 'connectwise', ticketId, url: `https://psa.example/t/${ticketId}` }, psa);
const linked = event('TicketLinked', {
  by: psa,
  at: T.now,
  ticket: { provider: 'connectwise', ticketId: 'CW-4711', url: 'https://psa.example/t/CW-4711' },
});
const linkCases = (status: Status): Case[] => [
  { name: 'links the ticket', when: link(), then: emits(linked) },
  {
    name: 'the same ticket again changes nothing',
    given: [...GIVEN[status], linked],
    when: link(),
    then: nothing,
  },
  {
    name: 'a second, different ticket is refused',
    given: [...GIVEN[status], linked],
    when: link('CW-4712'),
    then: refused('TICKET_ALREADY_LINKED'),
  },
];

export const annotationCases: DecideMatrix = {
  AddNote: {
    none: [{ name: 'refused', when: note(), then: refused('INCIDENT_NOT_FOUND') }],
    ...inEachStatus(EXISTING_STATUSES, noteCases),
  },
  SetIncidentPriority: settingRow('sets it', priority('P2'), priority(null), prioritised),
  SetIncidentSeverity: settingRow('changes it', severity('critical'), severity('high'), severityChanged),
  LinkTicket: {
    none: [{ name: 'refused', when: link(), then: refused('INCIDENT_NOT_FOUND') }],
    ...inEachStatus(EXISTING_STATUSES, linkCases),
  },
};
