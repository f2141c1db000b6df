import type { Matrix } from '@oncall/shared-decide-matrix';
import type { EscalationInput, EscalationInputType } from '../engine/escalation.inputs';
import type { EscalationPhase } from '../engine/escalation.state';
import {
  acknowledged,
  ALL_STEPS_RUN_OUT,
  heldTrigger,
  reassignedToUsers,
  resolved,
  triggered,
} from './escalation.fixtures';

export const PHASES = [
  'none',
  'held',
  'escalating',
  'acknowledged',
  'unanswered',
  'users',
  'resolved',
] as const;
export type Phase = (typeof PHASES)[number] & ('none' | EscalationPhase);

/** Given these inputs (default: the column's history), when this input, then these decisions (described). */
export interface Case {
  readonly name: string;
  readonly given?: readonly EscalationInput[];
  readonly when: EscalationInput;
  readonly then: readonly string[];
}

/**
 * Rows are input types, columns are phases. Deliberately partial: the spec walks every (input type,
 * phase) pair and fails for a cell that is missing or empty.
 */
export type DecideMatrix = Matrix<EscalationInputType, Phase, Case>;

/** The history that puts INCIDENT in each phase. */
export const GIVEN: Record<Phase, readonly EscalationInput[]> = {
  none: [],
  held: [heldTrigger],
  escalating: [triggered()],
  acknowledged: [triggered(), acknowledged(3, 2)],
  unanswered: [triggered(), ...ALL_STEPS_RUN_OUT],
  users: [triggered(), reassignedToUsers(['erin'], 3, 2)],
  resolved: [triggered(), resolved(8, 2)],
};

/** The same expectation in several columns. */
export function inPhases(
  phases: readonly Phase[],
  cases: readonly Case[],
): { [P in Phase]?: readonly Case[] } {
  return Object.fromEntries(phases.map((phase) => [phase, cases]));
}
