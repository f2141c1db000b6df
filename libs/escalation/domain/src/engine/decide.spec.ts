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
  it('the matrix names only known input types and phases', () => {
    expect(ESCALATION_INPUT_TYPES).toEqual(expect.arrayContaining(Object.keys(matrix)));
    const columns = Object.values(matrix).flatMap((row) => Object.keys(row ?? {}));
    expect(PHASES).toEqual(expect.arrayContaining(columns));
  });

  describe.each(ESCALATION_INPUT_TYPES)('%s', (type) => {
    describe.each(PHASES)('in phase %s', (phase) => {
      const cell: readonly Case[] = matrix[type]?.[phase] ?? [];

      if (cell.length === 0) {
        it('has an expectation', () => {
          throw new Error(`No expectation for ${type} in phase ${phase}: add one in engine/cases/.`);
        });
        return;
      }

      it.each(cell.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        expect(c.when.type).toBe(type);
        const state = replay(c.given ?? GIVEN[phase]);
        expect(state.phase).toBe(phase);

        const decisions = decide(c.when, state, context);

        expect(describeDecisions(decisions)).toEqual(c.then);
        expect(() => decisions.reduce(evolve, state)).not.toThrow();
      });
    });
  });
});
