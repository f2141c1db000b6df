import type { AddNote, LinkTicket, SetIncidentPriority, SetIncidentSeverity } from '../incident.commands';
import { IncidentResolvedError, TicketAlreadyLinkedError } from '../incident.errors';
import type {
  IncidentPriorityChanged,
  IncidentSeverityChanged,
  NoteAdded,
  TicketLinked,
} from '../incident.events';
import type { IncidentState } from '../incident.state';
import type { TicketRef } from '../incident.types';
import { INCIDENT_SEVERITIES } from '../incident.types';
import { newEvent, requireIncident, stampOf } from './guards';
import {
  checkerFor,
  isId,
  isOneOf,
  isPriorityOrNull,
  isText,
  NOTE_MAX_LENGTH,
  priorityProblem,
  severityProblem,
  textProblem,
  TITLE_MAX_LENGTH,
} from './validation';

/** Notes are accepted in every status, resolved included (follow-up findings, PSA history); idempotent by note id. */
export function decideAddNote(command: AddNote, state: IncidentState): NoteAdded[] {
  const { noteId, text } = command.data;
  const check = checkerFor(command.data.incidentId);
  check(isId(noteId), 'data.noteId', 'must be a non-empty id');
  check(isText(text, NOTE_MAX_LENGTH), 'data.text', `must be ${textProblem(NOTE_MAX_LENGTH)}`);
  const incident = requireIncident(state, command);
  if (incident.noteIds.includes(noteId)) return [];
  return [newEvent('NoteAdded', { ...stampOf(command), noteId, text })];
}

/** Unchanged -> no event (checked first, so a redelivery after resolution is not an error). */
export function decideSetPriority(
  command: SetIncidentPriority,
  state: IncidentState,
): IncidentPriorityChanged[] {
  const { priority } = command.data;
  checkerFor(command.data.incidentId)(isPriorityOrNull(priority), 'data.priority', priorityProblem);
  const incident = requireIncident(state, command);
  if (incident.priority === priority) return [];
  if (incident.status === 'resolved')
    throw new IncidentResolvedError(incident.incidentId, 'be re-prioritised');
  return [
    newEvent('IncidentPriorityChanged', { ...stampOf(command), from: incident.priority, to: priority }),
  ];
}

/** Unchanged -> no event. Urgency is not derived here: the service's urgency rule stays with escalation. */
export function decideSetSeverity(
  command: SetIncidentSeverity,
  state: IncidentState,
): IncidentSeverityChanged[] {
  const { severity } = command.data;
  checkerFor(command.data.incidentId)(
    isOneOf(INCIDENT_SEVERITIES, severity),
    'data.severity',
    severityProblem,
  );
  const incident = requireIncident(state, command);
  if (incident.severity === severity) return [];
  if (incident.status === 'resolved') {
    throw new IncidentResolvedError(incident.incidentId, 'change severity');
  }
  return [
    newEvent('IncidentSeverityChanged', { ...stampOf(command), from: incident.severity, to: severity }),
  ];
}

const ticketName = (ticket: Pick<TicketRef, 'provider' | 'ticketId'>): string =>
  `${ticket.provider} #${ticket.ticketId}`;

/**
 * One ticket per incident, linkable in any status: the PSA call may finish after the incident was
 * resolved, and the link must still be recorded or a retry would open a duplicate ticket.
 */
export function decideLinkTicket(command: LinkTicket, state: IncidentState): TicketLinked[] {
  const { provider, ticketId, url } = command.data;
  const check = checkerFor(command.data.incidentId);
  check(isId(provider), 'data.provider', 'must name the PSA, e.g. connectwise');
  check(isId(ticketId), 'data.ticketId', "must be the PSA's ticket id");
  check(
    url === undefined || url === null || isText(url, TITLE_MAX_LENGTH * 2),
    'data.url',
    'must be a URL or null',
  );
  const incident = requireIncident(state, command);
  if (incident.ticket !== null) {
    if (incident.ticket.provider === provider && incident.ticket.ticketId === ticketId) return [];
    throw new TicketAlreadyLinkedError(
      incident.incidentId,
      ticketName(incident.ticket),
      ticketName({ provider, ticketId }),
    );
  }
  return [
    newEvent('TicketLinked', { ...stampOf(command), ticket: { provider, ticketId, url: url ?? null } }),
  ];
}
