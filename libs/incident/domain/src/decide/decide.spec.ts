import { INCIDENT_COMMAND_TYPES } from '../incident.commands';
import type { IncidentState } from '../incident.state';
import { isSnoozed } from '../incident.state';
import { foldIncident } from '../evolve';
import type { Case, DecideMatrix } from '../testing/decide-matrix';
import type { Status } from '../testing/incident.fixtures';
import { GIVEN, outcomeOf, STATUSES } from '../testing/incident.fixtures';
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
  it('the matrix names only known command types and statuses', () => {
    expect(INCIDENT_COMMAND_TYPES).toEqual(expect.arrayContaining(Object.keys(matrix)));
    const columns = Object.values(matrix).flatMap((row) => Object.keys(row ?? {}));
    expect(STATUSES).toEqual(expect.arrayContaining(columns));
  });

  describe.each(INCIDENT_COMMAND_TYPES)('%s', (type) => {
    describe.each(STATUSES)('on a %s incident', (status) => {
      const cell: readonly Case[] = matrix[type]?.[status] ?? [];

      if (cell.length === 0) {
        it('has an expectation', () => {
          throw new Error(`No expectation for ${type} on a ${status} incident: add one in decide/cases/.`);
        });
        return;
      }

      it.each(cell.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        expect(c.when.type).toBe(type);
        const given = c.given ?? GIVEN[status];
        const state = foldIncident(given);
        expect(statusOf(state)).toBe(status);

        const outcome = outcomeOf(() => decide(c.when, state));

        expect(outcome).toEqual(c.then);
        if ('events' in outcome) expect(() => foldIncident([...given, ...outcome.events])).not.toThrow();
      });
    });
  });
});
