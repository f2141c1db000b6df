import { holdsAlert } from '../alert-entries';
import type { AppendAlert, ResolveIncident, TriggerIncident } from '../incident.commands';
import {
  IncidentAlreadyExistsError,
  IncidentResolvedError,
  IncidentValidationError,
} from '../incident.errors';
import type { AlertAppended, IncidentResolved, IncidentTriggered } from '../incident.events';
import type { IncidentState } from '../incident.state';
import { openingOf } from '../incident.opening';
import type { Actor, AlertInput, IncidentAlert, Instant, ResolutionReason } from '../incident.types';
import { INCIDENT_SEVERITIES, INCIDENT_URGENCIES } from '../incident.types';
import { newEvent, requireIncident, stampOf } from './guards';
import {
  checkerFor,
  checkVia,
  isId,
  isOneOf,
  isPriorityOrNull,
  isText,
  priorityProblem,
  severityProblem,
  textProblem,
  TITLE_MAX_LENGTH,
  urgencyProblem,
  validateAlert,
  viaOf,
} from './validation';

function validateTrigger({ data }: TriggerIncident): void {
  const check = checkerFor(data.incidentId);
  check(isId(data.serviceId), 'data.serviceId', 'must be a non-empty id');
  check(
    data.escalationPolicyId === null || isId(data.escalationPolicyId),
    'data.escalationPolicyId',
    'must be a non-empty id or null',
  );
  check(isText(data.title, TITLE_MAX_LENGTH), 'data.title', `must be ${textProblem(TITLE_MAX_LENGTH)}`);
  check(isOneOf(INCIDENT_SEVERITIES, data.severity), 'data.severity', severityProblem);
  check(isOneOf(INCIDENT_URGENCIES, data.urgency), 'data.urgency', urgencyProblem);
  check(data.priority === undefined || isPriorityOrNull(data.priority), 'data.priority', priorityProblem);
  validateAlert(check, data.alert);
}

// Copies only the known fields, so nothing a caller smuggles in ends up in a stored event.
function receivedAlert(alert: AlertInput, at: Instant): IncidentAlert {
  const { alertId, dedupKey, summary, severity, integrationId, sequence, context } = alert;
  return {
    alertId,
    dedupKey,
    summary,
    severity,
    receivedAt: at,
    ...(integrationId !== undefined ? { integrationId } : {}),
    ...(sequence !== undefined ? { lastSequence: sequence } : {}),
    ...(context !== undefined ? { context } : {}),
  };
}

/** A redelivered trigger (same alert) changes nothing; any other trigger for an existing id is refused. */
export function decideTrigger(command: TriggerIncident, state: IncidentState): IncidentTriggered[] {
  validateTrigger(command);
  const { data } = command;
  if (state.status !== 'none') {
    if (state.incidentId !== data.incidentId) {
      throw new IncidentValidationError(
        data.incidentId,
        'data.incidentId',
        `does not match stream ${state.incidentId}`,
      );
    }
    if (state.orgId === data.orgId && state.triggeringAlertId === data.alert.alertId) return [];
    throw new IncidentAlreadyExistsError(data.incidentId, state.triggeringAlertId, data.alert.alertId);
  }
  return [
    newEvent('IncidentTriggered', {
      ...stampOf(command),
      ...openingOf(data),
      alert: receivedAlert(data.alert, command.at),
    }),
  ];
}

/** Idempotent by alert id, even after resolution; a new alert on a resolved incident needs a new incident. */
export function decideAppendAlert(command: AppendAlert, state: IncidentState): AlertAppended[] {
  validateAlert(checkerFor(command.data.incidentId), command.data.alert);
  const incident = requireIncident(state, command);
  const { alert } = command.data;
  if (holdsAlert(incident.alerts, alert.alertId)) return [];
  if (incident.status === 'resolved') {
    throw new IncidentResolvedError(
      incident.incidentId,
      'take new alerts',
      `Trigger a new incident for alert ${alert.alertId}.`,
    );
  }
  return [newEvent('AlertAppended', { ...stampOf(command), alert: receivedAlert(alert, command.at) })];
}

function resolutionReasonFor(actor: Actor): Exclude<ResolutionReason, 'merged'> {
  switch (actor.kind) {
    case 'user':
      return 'manual';
    case 'integration':
      return 'source';
    case 'system':
      return 'auto';
  }
}

/** Resolving twice (two people, or a person and the source) is not an error: the second changes nothing. */
export function decideResolve(command: ResolveIncident, state: IncidentState): IncidentResolved[] {
  checkVia(checkerFor(command.data.incidentId), command.data.via);
  const incident = requireIncident(state, command);
  if (incident.status === 'resolved') return [];
  return [
    newEvent('IncidentResolved', {
      ...stampOf(command),
      reason: resolutionReasonFor(command.by),
      mergedInto: null,
      ...viaOf(command.data.via),
    }),
  ];
}
