import type { Matrix } from '@oncall/shared-decide-matrix';
import type { IncidentCommand, IncidentCommandType } from '../incident.commands';
import type { IncidentEvent } from '../incident.events';
import type { Outcome, Status } from './incident.fixtures';

/** Given these events (default: the column's history), when this command, then these events or this refusal. */
export interface Case {
  readonly name: string;
  readonly given?: readonly IncidentEvent[];
  readonly when: IncidentCommand;
  readonly then: Outcome;
}

/**
 * Rows are command types, columns are statuses. Deliberately partial: the spec walks every
 * (command type, status) pair and fails for a cell that is missing or empty.
 */
export type DecideMatrix = Matrix<IncidentCommandType, Status, Case>;
