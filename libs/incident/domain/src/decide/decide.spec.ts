import { describeMatrix } from '@oncall/shared-decide-matrix';
import { INCIDENT_COMMAND_TYPES } from '../incident.commands';
import type { IncidentState } from '../incident.state';
import { isSnoozed } from '../incident.state';
import { foldIncident } from '../evolve';
import { type Case, type DecideMatrix, outcomeOf } from '../testing/decide-matrix';
import type { Status } from '../testing/incident.fixtures';
import { GIVEN, STATUSES } from '../testing/incident.fixtures';
import { decide } from './decide';
import { acknowledgementCases } from './cases/acknowledgement.cases';
import { annotationCases } from './cases/annotations.cases';
import { assignmentCases } from './cases/assignment.cases';
import { lifecycleCases } from './cases/lifecycle.cases';
import { mergeCases } from './cases/merge.cases';
import { repeatCases } from './cases/repeats.cases';
import { activityCases } from './cases/activity.cases';

const matrix: DecideMatrix = {
  ...lifecycleCases,
  ...acknowledgementCases,
  ...assignmentCases,
  ...annotationCases,
  ...mergeCases,
  ...repeatCases,
  ...activityCases,
};

function statusOf(state: IncidentState): Status {
  return isSnoozed(state) ? 'snoozed' : state.status;
}

describe('decide: every command in every status', () => {
  describeMatrix({
    rows: INCIDENT_COMMAND_TYPES,
    columns: STATUSES,
    matrix,
    names: { rows: 'command types', columns: 'statuses' },
    columnTitle: (status) => `on a ${status} incident`,
    casesFolder: 'decide/cases/',
    check: (c: Case, type, status) => {
      expect(c.when.type).toBe(type);
      const given = c.given ?? GIVEN[status];
      const state = foldIncident(given);
      expect(statusOf(state)).toBe(status);

      const outcome = outcomeOf(() => decide(c.when, state));

      expect(outcome).toEqual(c.then);
      if ('events' in outcome) expect(() => foldIncident([...given, ...outcome.events])).not.toThrow();
    },
  });
});
