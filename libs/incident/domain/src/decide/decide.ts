import type { IncidentCommand } from '../incident.commands';
import { IncidentValidationError } from '../incident.errors';
import type { IncidentEvent } from '../incident.events';
import type { IncidentState } from '../incident.state';
import { decideLinkTicket, decideAddNote, decideSetPriority, decideSetSeverity } from './annotations';
import { decideAcknowledge, decideEndSnooze, decideSnooze, decideUnacknowledge } from './acknowledgement';
import { decideEscalate, decideReassign } from './assignment';
import { decideAppendAlert, decideResolve, decideTrigger } from './lifecycle';
import { decideAbsorb, decideMergeInto } from './merge';
import { decideRecordRepeats } from './repeats';
import { decideRecordActivity } from './activity';
import { validateEnvelope } from './validation';

/**
 * What `command` changes, as events to append to the incident's stream; `[]` when it changes nothing
 * (a redelivery, a repeat, a timer whose moment has passed). Refusals throw an IncidentDomainError.
 * Pure: time, ids and the actor come from the command.
 */
export function decide(command: IncidentCommand, state: IncidentState): IncidentEvent[] {
  validateEnvelope(command);
  switch (command.type) {
    case 'TriggerIncident':
      return decideTrigger(command, state);
    case 'AppendAlert':
      return decideAppendAlert(command, state);
    case 'RecordAlertRepeats':
      return decideRecordRepeats(command, state);
    case 'AcknowledgeIncident':
      return decideAcknowledge(command, state);
    case 'UnacknowledgeIncident':
      return decideUnacknowledge(command, state);
    case 'ResolveIncident':
      return decideResolve(command, state);
    case 'ReassignIncident':
      return decideReassign(command, state);
    case 'EscalateIncident':
      return decideEscalate(command, state);
    case 'AddNote':
      return decideAddNote(command, state);
    case 'SetIncidentPriority':
      return decideSetPriority(command, state);
    case 'SetIncidentSeverity':
      return decideSetSeverity(command, state);
    case 'LinkTicket':
      return decideLinkTicket(command, state);
    case 'SnoozeIncident':
      return decideSnooze(command, state);
    case 'EndSnooze':
      return decideEndSnooze(command, state);
    case 'AbsorbIncident':
      return decideAbsorb(command, state);
    case 'MergeIncidentInto':
      return decideMergeInto(command, state);
    case 'RecordActivity':
      return decideRecordActivity(command, state);
    default: {
      const unhandled: never = command;
      const raw = unhandled as { type?: unknown; data: { incidentId: string } };
      throw new IncidentValidationError(raw.data.incidentId, 'type', `unknown command ${String(raw.type)}`);
    }
  }
}
