import type {
  AcknowledgeIncident,
  EndSnooze,
  SnoozeIncident,
  UnacknowledgeIncident,
} from '../incident.commands';
import { IncidentResolvedError, InvalidTransitionError } from '../incident.errors';
import type { IncidentAcknowledged, IncidentSnoozed, IncidentUnacknowledged } from '../incident.events';
import type { IncidentState } from '../incident.state';
import { newEvent, requireIncident, sameActor, stampOf } from './guards';
import {
  checkerFor,
  checkVia,
  isUtcInstant,
  sameInstant,
  SNOOZE_MAX_SECONDS,
  SNOOZE_MIN_SECONDS,
  viaOf,
} from './validation';

/**
 * Acknowledging an acknowledged incident changes nothing, so two technicians acknowledging at once
 * both succeed. The exception: a different person acknowledging a snoozed incident takes it over
 * and cancels the snooze (PagerDuty).
 */
export function decideAcknowledge(
  command: AcknowledgeIncident,
  state: IncidentState,
): IncidentAcknowledged[] {
  checkVia(checkerFor(command.data.incidentId), command.data.via);
  const incident = requireIncident(state, command);
  if (incident.status === 'resolved') throw new IncidentResolvedError(incident.incidentId, 'be acknowledged');
  const takesOverSnooze =
    incident.snoozedUntil !== null &&
    command.by.kind === 'user' &&
    !sameActor(incident.acknowledgedBy, command.by);
  if (incident.status === 'acknowledged' && !takesOverSnooze) return [];
  return [newEvent('IncidentAcknowledged', { ...stampOf(command), ...viaOf(command.data.via) })];
}

/**
 * 'ack-timeout' comes from a timer: it applies only to the acknowledgement it was started for and
 * never to a snoozed incident (the snooze decides when it pages again); otherwise it changes nothing.
 * 'handed-back' is a person giving the incident back to the rotation.
 */
export function decideUnacknowledge(
  command: UnacknowledgeIncident,
  state: IncidentState,
): IncidentUnacknowledged[] {
  const { data } = command;
  const check = checkerFor(data.incidentId);
  check(
    data.reason === 'ack-timeout' || data.reason === 'handed-back',
    'data.reason',
    'must be ack-timeout or handed-back',
  );
  if (data.reason === 'ack-timeout') {
    check(
      isUtcInstant(data.acknowledgedAt),
      'data.acknowledgedAt',
      'must be the UTC instant of the acknowledgement',
    );
  }
  const incident = requireIncident(state, command);
  if (data.reason === 'ack-timeout') {
    const timedOut =
      incident.status === 'acknowledged' &&
      incident.snoozedUntil === null &&
      incident.acknowledgedAt !== null &&
      sameInstant(incident.acknowledgedAt, data.acknowledgedAt);
    return timedOut
      ? [newEvent('IncidentUnacknowledged', { ...stampOf(command), reason: 'ack-timeout' })]
      : [];
  }
  if (incident.status === 'resolved') throw new IncidentResolvedError(incident.incidentId, 'be handed back');
  if (incident.status === 'triggered') return [];
  return [newEvent('IncidentUnacknowledged', { ...stampOf(command), reason: 'handed-back' })];
}

/** Only an acknowledged incident can be snoozed; snoozing again moves the deadline. */
export function decideSnooze(command: SnoozeIncident, state: IncidentState): IncidentSnoozed[] {
  const { durationSeconds } = command.data;
  checkerFor(command.data.incidentId)(
    Number.isInteger(durationSeconds) &&
      durationSeconds >= SNOOZE_MIN_SECONDS &&
      durationSeconds <= SNOOZE_MAX_SECONDS,
    'data.durationSeconds',
    `must be a whole number of seconds from ${SNOOZE_MIN_SECONDS} to ${SNOOZE_MAX_SECONDS} (7 days)`,
  );
  const incident = requireIncident(state, command);
  if (incident.status === 'resolved') throw new IncidentResolvedError(incident.incidentId, 'be snoozed');
  if (incident.status === 'triggered') {
    throw new InvalidTransitionError(
      incident.incidentId,
      `Incident ${incident.incidentId} is not acknowledged; acknowledge it before snoozing it.`,
    );
  }
  const snoozedUntil = new Date(Date.parse(command.at) + durationSeconds * 1000).toISOString();
  if (incident.snoozedUntil !== null && sameInstant(incident.snoozedUntil, snoozedUntil)) return [];
  return [newEvent('IncidentSnoozed', { ...stampOf(command), durationSeconds, snoozedUntil })];
}

/**
 * From the snooze timer. Ends the snooze only if it is still running and has expired at `at`; a timer
 * for a snooze that was cancelled or moved later is stale and changes nothing.
 */
export function decideEndSnooze(command: EndSnooze, state: IncidentState): IncidentUnacknowledged[] {
  const incident = requireIncident(state, command);
  if (incident.status !== 'acknowledged' || incident.snoozedUntil === null) return [];
  if (Date.parse(command.at) < Date.parse(incident.snoozedUntil)) return [];
  return [newEvent('IncidentUnacknowledged', { ...stampOf(command), reason: 'snooze-ended' })];
}
