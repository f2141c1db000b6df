import type { RecordActivity } from '../incident.commands';
import type { ActivityRecorded } from '../incident.events';
import type { IncidentState } from '../incident.state';
import { ACTIVITY_SOURCES } from '../incident.types';
import { newEvent, requireIncident, stampOf } from './guards';
import { checkerFor, isId, isOneOf, isText } from './validation';

const SUMMARY_MAX_LENGTH = 2_000;
const DETAIL_MAX_JSON = 20_000;

function validateActivity({ data }: RecordActivity): void {
  const check = checkerFor(data.incidentId);
  check(isId(data.activityId), 'data.activityId', 'must be the id of the source event');
  check(
    isOneOf(ACTIVITY_SOURCES, data.source),
    'data.source',
    `must be one of ${ACTIVITY_SOURCES.join(', ')}`,
  );
  check(isId(data.kind), 'data.kind', 'must name the kind of activity');
  check(isText(data.summary, SUMMARY_MAX_LENGTH), 'data.summary', 'must be a sentence');
  check(
    typeof data.detail === 'object' &&
      data.detail !== null &&
      !Array.isArray(data.detail) &&
      JSON.stringify(data.detail).length <= DETAIL_MAX_JSON,
    'data.detail',
    `must be an object of at most ${DETAIL_MAX_JSON} characters as JSON`,
  );
}

/**
 * What another context reports is recorded as it is, whatever the incident's status (a delivery can
 * finish after the incident was resolved). Recording the same source event twice is prevented by the
 * event id (the source's), not here.
 */
export function decideRecordActivity(command: RecordActivity, state: IncidentState): ActivityRecorded[] {
  validateActivity(command);
  requireIncident(state, command);
  const { activityId, source, kind, summary, detail } = command.data;
  return [newEvent('ActivityRecorded', { ...stampOf(command), activityId, source, kind, summary, detail })];
}
