import type { Matrix } from '@oncall/shared-decide-matrix';
import type { IncidentCommand, IncidentCommandType } from '../incident.commands';
import type { IncidentErrorCode } from '../incident.errors';
import { isIncidentDomainError } from '../incident.errors';
import type { IncidentEvent } from '../incident.events';
import type { Status } from './incident.fixtures';

/** What a case expects of `decide`: these events (none: it changes nothing) or this refusal. */
export type Outcome = { readonly events: readonly IncidentEvent[] } | { readonly error: IncidentErrorCode };

/** Runs `decide` and reports events or the refusal's code; anything that is not a domain error escapes. */
export function outcomeOf(run: () => readonly IncidentEvent[]): Outcome {
  try {
    return { events: run() };
  } catch (error: unknown) {
    if (isIncidentDomainError(error)) return { error: error.code };
    throw error;
  }
}

export const emits = (...events: IncidentEvent[]): Outcome => ({ events });
export const nothing: Outcome = { events: [] };
export const refused = (code: IncidentErrorCode): Outcome => ({ error: code });

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

/** The cells of a row whose cases differ only by the status they start from. */
export function inEachStatus<S extends Status>(
  statuses: readonly S[],
  casesIn: (status: S) => Case[],
): Partial<Record<S, readonly Case[]>> {
  const cells: Partial<Record<S, readonly Case[]>> = {};
  for (const status of statuses) cells[status] = casesIn(status);
  return cells;
}
