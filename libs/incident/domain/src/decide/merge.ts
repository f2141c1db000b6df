import type { AbsorbIncident, MergeIncidentInto } from '../incident.commands';
import { IncidentNotFoundError, IncidentResolvedError, MergeIntoResolvedError } from '../incident.errors';
import type { IncidentMerged, IncidentResolved } from '../incident.events';
import type { IncidentState } from '../incident.state';
import type { IncidentAlert } from '../incident.types';
import { newEvent, requireIncident, stampOf } from './guards';
import { checkerFor, isId, isUtcInstant, validateAlert } from './validation';

function validateSource({ data }: AbsorbIncident): void {
  const { source, incidentId } = data;
  const check = checkerFor(incidentId);
  check(isId(source?.incidentId), 'data.source.incidentId', 'must be a non-empty id');
  check(
    source.incidentId !== incidentId,
    'data.source.incidentId',
    'an incident cannot be merged into itself',
  );
  check(Array.isArray(source.alerts), 'data.source.alerts', "must be the source incident's alerts");
  source.alerts.forEach((alert, i) => {
    validateAlert(check, alert, `data.source.alerts[${i}]`);
    check(isUtcInstant(alert.receivedAt), `data.source.alerts[${i}].receivedAt`, 'must be a UTC instant');
  });
}

// Copies only the known fields, so nothing a caller smuggles in ends up in a stored event.
const copyAlert = ({ alertId, dedupKey, summary, severity, receivedAt }: IncidentAlert): IncidentAlert => ({
  alertId,
  dedupKey,
  summary,
  severity,
  receivedAt,
});

/**
 * Merge step 1, on the target. Re-running it after a crash changes nothing (the source is already
 * absorbed), whatever either incident's status is now. A source already resolved as merged into this
 * target is still absorbed, so a handler that ran the steps the other way round can repair itself.
 */
export function decideAbsorb(command: AbsorbIncident, state: IncidentState): IncidentMerged[] {
  validateSource(command);
  const { source } = command.data;
  const target = requireIncident(state, command);
  if (target.mergedIncidentIds.includes(source.incidentId)) return [];
  if (source.status === 'none' || source.orgId !== target.orgId) {
    throw new IncidentNotFoundError(source.incidentId);
  }
  if (target.status === 'resolved') throw new MergeIntoResolvedError(target.incidentId, source.incidentId);
  if (source.status === 'resolved' && source.mergedInto !== target.incidentId) {
    throw new IncidentResolvedError(source.incidentId, `be merged into incident ${target.incidentId}`);
  }
  const held = new Set(target.alerts.map((alert) => alert.alertId));
  const alerts = source.alerts.filter((alert) => !held.has(alert.alertId)).map(copyAlert);
  return [newEvent('IncidentMerged', { ...stampOf(command), sourceIncidentId: source.incidentId, alerts })];
}

/** Merge step 2, on the source, after step 1 was appended: resolve with reason 'merged'. Idempotent. */
export function decideMergeInto(command: MergeIncidentInto, state: IncidentState): IncidentResolved[] {
  const { targetIncidentId, incidentId } = command.data;
  const check = checkerFor(incidentId);
  check(isId(targetIncidentId), 'data.targetIncidentId', 'must be a non-empty id');
  check(targetIncidentId !== incidentId, 'data.targetIncidentId', 'an incident cannot be merged into itself');
  const incident = requireIncident(state, command);
  if (incident.status === 'resolved') {
    if (incident.mergedInto === targetIncidentId) return [];
    throw new IncidentResolvedError(incident.incidentId, `be merged into incident ${targetIncidentId}`);
  }
  return [
    newEvent('IncidentResolved', { ...stampOf(command), reason: 'merged', mergedInto: targetIncidentId }),
  ];
}
