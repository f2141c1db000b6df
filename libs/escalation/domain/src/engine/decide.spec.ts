import { describeMatrix } from '@oncall/shared-decide-matrix';
import { context, replay } from '../testing/escalation.fixtures';
import { describeDecisions } from '../testing/describe-decision';
import { GIVEN, PHASES, type Case, type DecideMatrix } from '../testing/escalation-matrix';
import { acknowledgementCases } from './cases/acknowledgement.cases';
import { assignmentCases } from './cases/assignment.cases';
import { resolutionCases } from './cases/resolution.cases';
import { startCases } from './cases/start.cases';
import { decide } from './decide';
import { ESCALATION_INPUT_TYPES } from './escalation.inputs';
import { evolve } from './evolve';

const matrix: DecideMatrix = {
  ...startCases,
  ...acknowledgementCases,
  ...assignmentCases,
  ...resolutionCases,
};

describe('decide: every input in every phase', () => {
  describeMatrix({
    rows: ESCALATION_INPUT_TYPES,
    columns: PHASES,
    matrix,
    names: { rows: 'input types', columns: 'phases' },
    columnTitle: (phase) => `in phase ${phase}`,
    casesFolder: 'engine/cases/',
    check: (c: Case, type, phase) => {
      expect(c.when.type).toBe(type);
      const state = replay(c.given ?? GIVEN[phase]);
      expect(state.phase).toBe(phase);

      const decisions = decide(c.when, state, context);

      expect(describeDecisions(decisions)).toEqual(c.then);
      expect(() => decisions.reduce(evolve, state)).not.toThrow();
    },
  });
});
