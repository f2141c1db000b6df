import { alertEntryFor } from '../alert-entries';
import type { RecordAlertRepeats } from '../incident.commands';
import { IncidentResolvedError, IncidentValidationError } from '../incident.errors';
import type { AlertRepeated } from '../incident.events';
import type { IncidentState } from '../incident.state';
import { INCIDENT_SEVERITIES } from '../incident.types';
import { newEvent, requireIncident, stampOf } from './guards';
import { checkerFor, isId, isOneOf, isText, severityProblem, TITLE_MAX_LENGTH } from './validation';

/** A batch is at most this many repeats, so a command stays small whatever the storm. */
export const MAX_REPEATS_PER_COMMAND = 5_000;

function validateRepeats({ data }: RecordAlertRepeats): void {
  const check = checkerFor(data.incidentId);
  check(isText(data.dedupKey, TITLE_MAX_LENGTH), 'data.dedupKey', 'must be non-empty text');
  check(data.integrationId === undefined || isId(data.integrationId), 'data.integrationId', 'must be an id');
  const { sequences } = data;
  check(
    Array.isArray(sequences) &&
      sequences.length > 0 &&
      sequences.length <= MAX_REPEATS_PER_COMMAND &&
      sequences.every((n, i) => Number.isSafeInteger(n) && n > 0 && (i === 0 || n > sequences[i - 1])),
    'data.sequences',
    `must list 1 to ${MAX_REPEATS_PER_COMMAND} alert-stream sequences in increasing order`,
  );
  check(isId(data.last?.alertId), 'data.last.alertId', 'must be a non-empty id');
  check(
    isText(data.last?.summary, TITLE_MAX_LENGTH),
    'data.last.summary',
    `must be non-empty text of at most ${TITLE_MAX_LENGTH} characters`,
  );
  check(isOneOf(INCIDENT_SEVERITIES, data.last?.severity), 'data.last.severity', severityProblem);
}

/**
 * Repeats of an open alert are counted (PagerDuty's dedup): one event for the whole batch, with the count
 * of sequences not yet applied to the key, so a redelivered batch (or its first part) counts nothing twice.
 * Repeats reaching a resolved incident are refused: they belong to a new incident.
 */
export function decideRecordRepeats(command: RecordAlertRepeats, state: IncidentState): AlertRepeated[] {
  validateRepeats(command);
  const incident = requireIncident(state, command);
  const { data } = command;
  const entry = alertEntryFor(incident.alerts, data);
  const applied = entry?.lastSequence ?? 0;
  const fresh = data.sequences.filter((sequence) => sequence > applied);
  if (fresh.length === 0) return [];
  if (incident.status === 'resolved') {
    throw new IncidentResolvedError(
      incident.incidentId,
      'take new alerts',
      `Trigger a new incident for alert ${data.last.alertId}.`,
    );
  }
  if (!entry) {
    throw new IncidentValidationError(
      incident.incidentId,
      'data.dedupKey',
      'is not an alert of this incident; append its first alert instead',
    );
  }
  return [
    newEvent('AlertRepeated', {
      ...stampOf(command),
      dedupKey: data.dedupKey,
      ...(data.integrationId !== undefined ? { integrationId: data.integrationId } : {}),
      count: fresh.length,
      lastAlertId: data.last.alertId,
      lastSequence: fresh[fresh.length - 1],
      summary: data.last.summary,
      severity: data.last.severity,
    }),
  ];
}
