import { withAlert, withAlerts, withoutContext, withRepeats } from './alert-entries';
import type { IncidentEvent, IncidentTriggered } from './incident.events';
import { INCIDENT_EVENT_SCHEMA_VERSIONS } from './incident.events';
import type { ExistingIncident, IncidentState } from './incident.state';
import { initialIncidentState } from './incident.state';
import { NOTHING_RECORDED_YET, openingOf } from './incident.opening';
import { STEP_FIRED_ACTIVITY, UNANSWERED_ACTIVITY } from './incident.types';

function opened({ data }: IncidentTriggered): ExistingIncident {
  return {
    status: 'triggered',
    incidentId: data.incidentId,
    ...openingOf(data),
    triggeringAlertId: data.alert.alertId,
    alerts: [withoutContext(data.alert)],
    appendedAlertCount: 0,
    assignment: { kind: 'escalation-level', level: 1 },
    triggeredAt: data.at,
    ...NOTHING_RECORDED_YET,
  };
}

// Reassign, escalate, ack timeout, hand back and snooze end all page again from triggered.
const backToTriggered = {
  status: 'triggered',
  acknowledgedBy: null,
  acknowledgedAt: null,
  snoozedUntil: null,
} as const;

function applied(
  incident: ExistingIncident,
  event: Exclude<IncidentEvent, IncidentTriggered>,
): ExistingIncident {
  switch (event.type) {
    case 'AlertAppended':
      return {
        ...incident,
        alerts: withAlert(incident.alerts, event.data.alert),
        appendedAlertCount: incident.appendedAlertCount + 1,
      };
    case 'AlertRepeated':
      return { ...incident, alerts: withRepeats(incident.alerts, event) };
    case 'IncidentAcknowledged':
      return {
        ...incident,
        unansweredAt: null,
        status: 'acknowledged',
        acknowledgedBy: event.data.by,
        acknowledgedAt: event.data.at,
        snoozedUntil: null,
      };
    case 'IncidentUnacknowledged':
      return { ...incident, ...backToTriggered };
    case 'IncidentResolved':
      return {
        ...incident,
        status: 'resolved',
        snoozedUntil: null,
        resolvedBy: event.data.by,
        resolvedAt: event.data.at,
        resolutionReason: event.data.reason,
        mergedInto: event.data.mergedInto,
      };
    case 'IncidentReassigned':
      return { ...incident, ...backToTriggered, assignment: event.data.to };
    case 'IncidentEscalated':
      return {
        ...incident,
        ...backToTriggered,
        assignment: { kind: 'escalation-level', level: event.data.toLevel },
      };
    case 'NoteAdded':
      return {
        ...incident,
        noteIds: [...incident.noteIds, event.data.noteId],
        notesCount: incident.notesCount + 1,
      };
    case 'IncidentPriorityChanged':
      return { ...incident, priority: event.data.to };
    case 'IncidentSeverityChanged':
      return { ...incident, severity: event.data.to };
    case 'TicketLinked':
      return { ...incident, ticket: event.data.ticket };
    case 'IncidentSnoozed':
      return { ...incident, snoozedUntil: event.data.snoozedUntil };
    case 'ActivityRecorded':
      if (event.data.kind === UNANSWERED_ACTIVITY) return { ...incident, unansweredAt: event.data.at };
      return event.data.kind === STEP_FIRED_ACTIVITY ? withPagedLevel(incident, event.data.detail) : incident;
    case 'IncidentMerged':
      return {
        ...incident,
        alerts: withAlerts(incident.alerts, event.data.alerts),
        mergedIncidentIds: [...incident.mergedIncidentIds, event.data.sourceIncidentId],
      };
  }
}

/**
 * The level follows the step the engine paged last (ADR 0144), so the list shows where the walk stands and
 * a person escalating from it names the right level. Assigned to users, the incident has no level to move;
 * a page of assigned users carries none.
 */
function withPagedLevel(
  incident: ExistingIncident,
  detail: Readonly<Record<string, unknown>>,
): ExistingIncident {
  const { level } = detail;
  if (incident.assignment.kind !== 'escalation-level' || !Number.isInteger(level) || (level as number) < 1) {
    return incident;
  }
  if (incident.assignment.level === level) return incident;
  return { ...incident, assignment: { kind: 'escalation-level', level: level as number } };
}

/**
 * The state after `event`. Events are facts already decided, so nothing is refused here; only a stream
 * that cannot be read (an unknown type or schema version, an event before IncidentTriggered) throws,
 * because deciding on a state that silently skipped a fact could contradict it.
 */
export function evolve(state: IncidentState, event: IncidentEvent): IncidentState {
  const expectedVersion = (INCIDENT_EVENT_SCHEMA_VERSIONS as Record<string, number | undefined>)[event.type];
  if (expectedVersion !== event.schemaVersion) {
    throw new Error(
      `Cannot apply ${event.type} v${event.schemaVersion} to incident ${event.data.incidentId}: this code reads ` +
        `v${expectedVersion ?? '?'}; upcast stored events before folding, or deploy the newer domain library.`,
    );
  }
  if (event.type === 'IncidentTriggered') return opened(event);
  if (state.status === 'none') {
    throw new Error(
      `Incident ${event.data.incidentId}: ${event.type} found before IncidentTriggered in its stream.`,
    );
  }
  return applied(state, event);
}

export function foldIncident(
  events: Iterable<IncidentEvent>,
  from: IncidentState = initialIncidentState,
): IncidentState {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}
